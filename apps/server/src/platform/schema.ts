import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';

/** {"error":{"code","message"}} as documented for every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A closed object: unknown fields are a 400, never silently ignored. */
export function Body<T extends Record<string, TSchema>>(properties: T) {
  return Type.Object(properties, { additionalProperties: false });
}

/** A closed object for PATCH: at least one field, so an empty edit is a 400 rather than a no-op audit row. */
export function PatchBody<T extends Record<string, TSchema>>(properties: T) {
  return Type.Object(properties, { additionalProperties: false, minProperties: 1 });
}

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
} as const;

export const Weekday = Type.Union([
  Type.Literal('MON'),
  Type.Literal('TUE'),
  Type.Literal('WED'),
  Type.Literal('THU'),
  Type.Literal('FRI'),
  Type.Literal('SAT'),
]);

/** "HH:MM" on a 30-minute step, 00:00-24:00. */
export const ClockTime = Type.String({ pattern: '^(([01][0-9]|2[0-3]):(00|30)|24:00)$' });
