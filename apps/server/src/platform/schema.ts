import { Type } from '@sinclair/typebox';
import type { StringOptions, TSchema } from '@sinclair/typebox';
import { NAME_FORMAT, TEXT_FORMAT } from './text.js';

/** {"error":{"code","message"}} as documented for every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  {
    title: 'Error',
    description: 'Every error: `code` is stable (UPPER_SNAKE), `message` is Korean / English for people',
  },
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

/**
 * The error every API route can answer (its querystring is closed, its input validated). The other
 * statuses (401, 403, 404, 409, 413, 415, 422, 429, 503) are added per route by platform/openapi.ts
 * from its auth rule, body, parameters and domain error codes, so the document lists only real ones.
 */
export const errorResponses = {
  400: ErrorBody,
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

/**
 * One line a person reads: a name, a title, an address line. Refuses control characters, bidi
 * overrides and strings that draw nothing (see platform/text.ts); a failure is INVALID_TEXT.
 */
export function Name(options: StringOptions = {}) {
  return Type.String({ ...options, format: NAME_FORMAT });
}

/** Multi-line text (a post, a description): like Name, but tabs and line breaks are kept. */
export function Text(options: StringOptions = {}) {
  return Type.String({ ...options, format: TEXT_FORMAT });
}

/** A 1-based page number; like every integer in a URL it must be plain digits. */
export const Page = Type.Integer({ minimum: 1, maximum: 100_000, default: 1 });
