import { Type } from '@sinclair/typebox';
import type { Static, StringOptions, TSchema } from '@sinclair/typebox';
import { Body, Id, Name, Page } from '../../platform/schema.js';
import { NAME_FORMAT } from '../../platform/text.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/**
 * string | null as one JSON-schema type list. An anyOf union would let Ajv's type coercion turn a
 * null into "" (or 0 into null) inside the first branch.
 */
const NullableString = (options: StringOptions = {}) =>
  Type.Unsafe<string | null>({ ...Type.String(options), type: ['string', 'null'] });

export const TEL_PATTERN = '^[0-9+() -]{4,20}$';
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
export const BIRTH_DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const StudentName = Name({ minLength: 1, maxLength: 100 });
const Tel = NullableString({ minLength: 4, maxLength: 20, pattern: TEL_PATTERN });
const Email = NullableString({ maxLength: 254, pattern: EMAIL_PATTERN });
const BirthDate = NullableString({ pattern: BIRTH_DATE_PATTERN, description: 'YYYY-MM-DD' });
/** The range moves with the clock, so the service checks it and names it in the 400. */
const EntryYear = Type.Integer({
  description: 'From 20 years before the current year (Asia/Seoul) to the next year',
});
const Year = Type.Integer({ minimum: 1, maximum: 4 });

export const Student = Type.Object(
  {
    id: Type.Integer(),
    studentNo: Type.String({ description: '학번: YY + DD + NNN' }),
    name: Type.String(),
    department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    entryYear: Type.Integer(),
    year: Type.Integer(),
    tel: Nullable(Type.String()),
    email: Nullable(Type.String()),
    birthDate: Nullable(Type.String()),
    address: Type.Object({
      postcode: Nullable(Type.String()),
      line1: Nullable(Type.String()),
      line2: Nullable(Type.String()),
    }),
    mustChangePassword: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Student' },
);
export type Student = Static<typeof Student>;

export const StudentPage = Type.Object({ items: Type.Array(Student), total: Type.Integer() });
export type StudentPage = Static<typeof StudentPage>;

export const StudentQuery = Type.Object(
  {
    departmentId: Type.Optional(Id),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'name (part) or 학번 (prefix)' }),
    ),
    year: Type.Optional(Year),
    page: Page,
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type StudentQuery = Static<typeof StudentQuery>;

export const ExportQuery = Type.Object(
  { departmentId: Type.Optional(Id), year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ExportCsv = Type.String({
  description:
    "text/csv: studentNo,name,departmentCode,departmentName,entryYear,year,tel,email,birthDate; cells starting with = + - @ tab or CR are prefixed with a quote (') so spreadsheets never run them",
});

export const CreateStudentBody = Body({
  departmentId: Id,
  name: StudentName,
  entryYear: EntryYear,
  year: Year,
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  mustChangePassword: Type.Optional(Type.Boolean({ default: true })),
  tel: Type.Optional(Tel),
  email: Type.Optional(Email),
  birthDate: Type.Optional(BirthDate),
});
export type CreateStudentBody = Static<typeof CreateStudentBody>;

export const CreatedStudent = Type.Object({
  id: Type.Integer(),
  studentNo: Type.String(),
  initialPassword: Type.Optional(
    Type.String({
      description: 'Only when the password was generated; shown this once, never stored in clear',
    }),
  ),
});
export type CreatedStudent = Static<typeof CreatedStudent>;

/** At least one field: an empty patch would only write an audit entry that changes nothing. */
export const UpdateStudentBody = Type.Object(
  {
    name: Type.Optional(StudentName),
    year: Type.Optional(Year),
    departmentId: Type.Optional(Id),
    tel: Type.Optional(Tel),
    email: Type.Optional(Email),
    birthDate: Type.Optional(BirthDate),
    address: Type.Optional(
      Type.Object(
        {
          postcode: Type.Optional(NullableString({ pattern: '^[0-9]{5}$' })),
          line1: Type.Optional(NullableString({ maxLength: 200, format: NAME_FORMAT })),
          line2: Type.Optional(NullableString({ maxLength: 200, format: NAME_FORMAT })),
        },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
  },
  // Closed like Body(), which has no room for minProperties.
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStudentBody = Static<typeof UpdateStudentBody>;

export const ResetPasswordResponse = Type.Object({
  initialPassword: Type.String({
    description: 'Shown this once; the student must change it at the next login',
  }),
});

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ImportCsvBody = Type.String({
  description:
    'text/csv with the header name,departmentCode,entryYear,year[,tel,email,birthDate]; at most 5,000 rows and 5 MB; entryYear from 20 years before the current year (Asia/Seoul) to the next year',
});

export const ImportRowError = Type.Object({ row: Type.Integer(), errors: Type.Array(Type.String()) });
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportResult = Type.Object({
  created: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Line in the file; the header is line 1' }),
      id: Type.Integer(),
      studentNo: Type.String(),
      initialPassword: Type.String(),
    }),
  ),
});
export type ImportResult = Static<typeof ImportResult>;
