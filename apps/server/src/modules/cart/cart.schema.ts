import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ErrorBody } from '../../platform/schema.js';
import { EnrollmentItem } from '../enrollment/enrollment.schema.js';
import { Meeting } from '../meetings/meetings.schema.js';

/**
 * Checkout takes no fields: no body, or an empty object. Anything else is a 400 rather than
 * silently ignored (the absent body reaches the validator as null, hence the type list).
 */
export const CheckoutBody = Type.Unsafe<Record<string, never> | null>({
  type: ['object', 'null'],
  properties: {},
  additionalProperties: false,
});

export const CartWarning = Type.Object({
  code: Type.String({
    description: 'ALREADY_ENROLLED | SAME_SUBJECT | TIME_CONFLICT | CREDIT_LIMIT | SECTION_FULL',
  }),
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
  meetings: Type.Array(Meeting),
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
