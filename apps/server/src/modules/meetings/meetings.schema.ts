import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ClockTime, Weekday } from '../../platform/schema.js';

/** A weekly meeting as every API takes and shows it. */
export const Meeting = Type.Object(
  { day: Weekday, start: ClockTime, end: ClockTime },
  { additionalProperties: false, description: 'Half-open [start, end), 30-minute steps, e.g. 09:00-10:30' },
);
export type Meeting = Static<typeof Meeting>;
