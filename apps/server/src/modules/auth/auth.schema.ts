import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Id } from '../../platform/schema.js';

export const LoginBody = Body({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const SessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('student')]),
  mustChangePassword: Type.Boolean(),
});
export type SessionUser = Static<typeof SessionUser>;

export const LoginResponse = Type.Object({
  token: Type.String(),
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: SessionUser,
});

export const LookupBody = Body({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  departmentId: Id,
  phone: Type.String({ minLength: 4, maxLength: 20, pattern: '^[0-9+() -]+$' }),
});
export type LookupBody = Static<typeof LookupBody>;

export const LookupResponse = Type.Object({ studentNo: Type.String() });
