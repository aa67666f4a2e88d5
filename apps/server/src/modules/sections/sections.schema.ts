import { Type } from '@sinclair/typebox';
import type { IntegerOptions, Static } from '@sinclair/typebox';
import { Body, Id, PatchBody } from '../../platform/schema.js';
import { Meeting } from '../meetings/meetings.schema.js';

const Meetings = Type.Array(Meeting, { minItems: 1, maxItems: 10 });
const Capacity = Type.Integer({ minimum: 1, maximum: 1000 });
/** integer | null as one type list: an anyOf union would let Ajv's coercion turn 0 or "" into null. */
const NullableInteger = (options: IntegerOptions = {}) =>
  Type.Unsafe<number | null>({ ...Type.Integer(options), type: ['integer', 'null'] });
const ProfessorRef = NullableInteger({
  minimum: 1,
  maximum: 2_147_483_647,
  description: 'professor id, or null: 교수 미정 (to be announced)',
});
const Dept = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const AdminSection = Type.Object(
  {
    id: Type.Integer(),
    number: Type.Integer({ description: '분반 number within the subject' }),
    subject: Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      credits: Type.Integer(),
      type: Type.String(),
      department: Dept,
    }),
    professor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
    capacity: Type.Integer(),
    taken: Type.Integer({ description: 'The seat counter' }),
    enrolled: Type.Integer({ description: 'Enrollment rows; equals taken' }),
    waitlisted: Type.Integer(),
    meetings: Type.Array(Meeting),
  },
  { title: 'AdminSection' },
);
export type AdminSection = Static<typeof AdminSection>;

export const AdminSectionList = Type.Array(AdminSection);

export const SectionQuery = Type.Object(
  { subjectId: Type.Optional(Id), departmentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type SectionQuery = Static<typeof SectionQuery>;

export const CreateSectionBody = Body({
  subjectId: Id,
  professorId: ProfessorRef,
  capacity: Capacity,
  meetings: Meetings,
});
export type CreateSectionBody = Static<typeof CreateSectionBody>;

export const CreatedSection = Type.Object({ id: Type.Integer(), number: Type.Integer() });

export const UpdateSectionBody = PatchBody({
  capacity: Type.Optional(Capacity),
  professorId: Type.Optional(ProfessorRef),
  meetings: Type.Optional(Meetings),
});
export type UpdateSectionBody = Static<typeof UpdateSectionBody>;

const RosterStudent = {
  studentId: Type.Integer(),
  studentNo: Type.String(),
  name: Type.String(),
  department: Dept,
  year: Type.Integer(),
};

export const Roster = Type.Object({
  section: AdminSection,
  enrolled: Type.Array(Type.Object({ ...RosterStudent, enrolledAt: Type.String({ format: 'date-time' }) })),
  waitlist: Type.Array(
    Type.Object({
      position: Type.Integer({ description: '1 = next to get a freed seat' }),
      ...RosterStudent,
      joinedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type Roster = Static<typeof Roster>;
