import { Type } from '@sinclair/typebox';
import type { IntegerOptions, Static, StringOptions, TSchema } from '@sinclair/typebox';
import { Body, Id, Name, PatchBody } from '../../platform/schema.js';
import { TEXT_FORMAT } from '../../platform/text.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/**
 * string | null as one JSON-schema type list. An anyOf union would let Ajv's type coercion turn a
 * null into "" (or 0 into null) inside the first branch.
 */
const NullableString = (options: StringOptions = {}) =>
  Type.Unsafe<string | null>({ ...Type.String(options), type: ['string', 'null'] });
const NullableInteger = (options: IntegerOptions = {}) =>
  Type.Unsafe<number | null>({ ...Type.Integer(options), type: ['integer', 'null'] });

export const SubjectTypeSchema = Type.Union(
  [Type.Literal('major_required'), Type.Literal('major_elective'), Type.Literal('general')],
  { description: '전공필수 / 전공선택 / 교양' },
);
const SubjectName = Name({ minLength: 1, maxLength: 100 });
const Credits = Type.Integer({ minimum: 1, maximum: 6 });
const TargetYear = NullableInteger({ minimum: 1, maximum: 4 });
const Description = NullableString({ maxLength: 2000, format: TEXT_FORMAT });

export const Subject = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    credits: Type.Integer(),
    type: SubjectTypeSchema,
    targetYear: Nullable(Type.Integer()),
    description: Nullable(Type.String()),
    sectionCount: Type.Integer(),
  },
  { title: 'Subject' },
);
export type Subject = Static<typeof Subject>;

export const SubjectList = Type.Array(Subject);

export const SubjectQuery = Type.Object({ departmentId: Type.Optional(Id) }, { additionalProperties: false });
export type SubjectQuery = Static<typeof SubjectQuery>;

export const CreateSubjectBody = Body({
  departmentId: Id,
  name: SubjectName,
  credits: Credits,
  type: SubjectTypeSchema,
  targetYear: Type.Optional(TargetYear),
  code: Type.Optional(
    Type.String({
      pattern: '^[A-Z0-9-]{2,16}$',
      description: 'Issued (C + 학과 코드 + 4 digits) when absent',
    }),
  ),
  description: Type.Optional(Description),
});
export type CreateSubjectBody = Static<typeof CreateSubjectBody>;

export const CreatedSubject = Type.Object({ id: Type.Integer(), code: Type.String() });

export const UpdateSubjectBody = PatchBody({
  name: Type.Optional(SubjectName),
  description: Type.Optional(Description),
  targetYear: Type.Optional(TargetYear),
  type: Type.Optional(SubjectTypeSchema),
  credits: Type.Optional(Credits),
});
export type UpdateSubjectBody = Static<typeof UpdateSubjectBody>;
