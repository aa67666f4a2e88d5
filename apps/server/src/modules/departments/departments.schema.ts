import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Name } from '../../platform/schema.js';

export const DepartmentName = Name({ minLength: 1, maxLength: 100 });
export const DepartmentCode = Type.String({
  pattern: '^[0-9]{2}$',
  description: '두 자리 학과 코드 (학번의 DD)',
});

export const Department = Type.Object(
  { id: Type.Integer(), code: Type.String(), name: Type.String() },
  { title: 'Department' },
);
export type Department = Static<typeof Department>;

export const DepartmentList = Type.Array(Department);

export const CreateDepartmentBody = Body({
  name: DepartmentName,
  code: Type.Optional(DepartmentCode),
});
export type CreateDepartmentBody = Static<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = Body({ name: DepartmentName });
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBody>;

export const DepartmentImpact = Type.Object(
  {
    department: Department,
    students: Type.Integer({
      description: 'students of the department: while any remain, the delete is refused',
    }),
    professors: Type.Integer(),
    subjects: Type.Integer(),
    sections: Type.Integer({ description: "sections of the department's subjects" }),
    enrollments: Type.Integer({
      description: 'registrations in those sections, by students of any department',
    }),
    cartItems: Type.Integer(),
    waitlistEntries: Type.Integer(),
    posts: Type.Integer({ description: 'notice-board posts' }),
    deletable: Type.Boolean({ description: 'true when students is 0' }),
  },
  { title: 'DepartmentImpact' },
);
export type DepartmentImpact = Static<typeof DepartmentImpact>;
