import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ErrorBody } from '../../platform/schema.js';
import { EnrollmentItem, MeetingOut } from '../enrollment/enrollment.schema.js';

export { SectionIdBody, SectionIdParams } from '../enrollment/enrollment.schema.js';

export const CartWarning = Type.Object({
  code: Type.String({ description: 'TIME_CONFLICT | SAME_SUBJECT | ALREADY_ENROLLED | SECTION_FULL' }),
  message: Type.String(),
  sectionId: Type.Optional(Type.Integer()),
});

export const CartItem = Type.Object({
  sectionId: Type.Integer(),
  sectionNumber: Type.Integer(),
  subject: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), type: Type.String() }),
  credits: Type.Integer(),
  professor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  capacity: Type.Integer(),
  enrolled: Type.Integer(),
  meetings: Type.Array(MeetingOut),
  addedAt: Type.String({ format: 'date-time' }),
  warnings: Type.Array(CartWarning),
});
export type CartItem = Static<typeof CartItem>;

export const Cart = Type.Object({ items: Type.Array(CartItem), totalCredits: Type.Integer() });
export type Cart = Static<typeof Cart>;

export const CheckoutResult = Type.Object({
  results: Type.Array(
    Type.Object({
      sectionId: Type.Integer(),
      ok: Type.Boolean(),
      enrollment: Type.Optional(EnrollmentItem),
      error: Type.Optional(ErrorBody.properties.error),
    }),
  ),
  enrolled: Type.Integer(),
  failed: Type.Integer(),
});
export type CheckoutResult = Static<typeof CheckoutResult>;
