import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Id, Name, PatchBody } from '../../platform/schema.js';

const ProfessorName = Name({ minLength: 1, maxLength: 100 });

export const Professor = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    /** Sections this professor teaches; they become 교수 미정 when the professor is deleted. */
    sectionCount: Type.Integer(),
  },
  { title: 'Professor' },
);
export type Professor = Static<typeof Professor>;

export const ProfessorList = Type.Array(Professor);

export const ProfessorQuery = Type.Object(
  { departmentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ProfessorQuery = Static<typeof ProfessorQuery>;

export const CreateProfessorBody = Body({ departmentId: Id, name: ProfessorName });
export type CreateProfessorBody = Static<typeof CreateProfessorBody>;

export const UpdateProfessorBody = PatchBody({
  departmentId: Type.Optional(Id),
  name: Type.Optional(ProfessorName),
});
export type UpdateProfessorBody = Static<typeof UpdateProfessorBody>;

export const Created = Type.Object({ id: Type.Integer() });
