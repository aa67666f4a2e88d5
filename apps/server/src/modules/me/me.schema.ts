import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Name, PatchBody } from '../../platform/schema.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const Address = Type.Object({
  postcode: Type.Union([Type.String(), Type.Null()]),
  line1: Type.Union([Type.String(), Type.Null()]),
  line2: Type.Union([Type.String(), Type.Null()]),
});

export const Profile = Type.Object({
  id: Type.Integer(),
  role: Type.Union([Type.Literal('student'), Type.Literal('admin')]),
  username: Type.String(),
  name: Type.String(),
  mustChangePassword: Type.Boolean(),
  studentNo: Type.Optional(Type.String()),
  department: Type.Optional(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  entryYear: Type.Optional(Type.Integer()),
  year: Type.Optional(Type.Integer()),
  tel: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  birthDate: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  address: Type.Optional(Address),
});
export type Profile = Static<typeof Profile>;

export const UpdateProfileBody = PatchBody({
  tel: Type.Optional(Nullable(Type.String({ minLength: 4, maxLength: 20, pattern: '^[0-9+() -]+$' }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }))),
  birthDate: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }))),
  address: Type.Optional(
    Type.Object(
      {
        postcode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{5}$' }))),
        line1: Type.Optional(Nullable(Name({ maxLength: 200 }))),
        line2: Type.Optional(Nullable(Name({ maxLength: 200 }))),
      },
      { additionalProperties: false },
    ),
  ),
});
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

export const ChangePasswordBody = Body({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
