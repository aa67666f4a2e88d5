import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Name, PatchBody } from '../../platform/schema.js';

export const PeriodKindSchema = Type.Union(
  [Type.Literal('registration'), Type.Literal('cart'), Type.Literal('add_drop')],
  { description: 'registration 수강신청 / cart 예비수강신청 / add_drop 정정' },
);
const PeriodName = Name({ minLength: 1, maxLength: 100 });
const Instant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with a time zone, e.g. 2026-02-16T10:00:00+09:00',
});
const Years = Type.Array(Type.Integer({ minimum: 1, maximum: 4 }), {
  minItems: 1,
  maxItems: 4,
  uniqueItems: true,
  description: 'Student years the period applies to (default all)',
});
const MaxCredits = Type.Integer({ minimum: 1, maximum: 30 });

export const Period = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    kind: PeriodKindSchema,
    opensAt: Type.String({ format: 'date-time' }),
    closesAt: Type.String({ format: 'date-time' }),
    years: Type.Array(Type.Integer()),
    maxCredits: Type.Integer(),
    open: Type.Boolean({ description: 'Open now by the server clock' }),
  },
  { title: 'Period' },
);
export type Period = Static<typeof Period>;

export const PeriodList = Type.Array(Period);

export const CreatePeriodBody = Body({
  name: PeriodName,
  kind: PeriodKindSchema,
  opensAt: Instant,
  closesAt: Instant,
  years: Type.Optional(Years),
  maxCredits: MaxCredits,
});
export type CreatePeriodBody = Static<typeof CreatePeriodBody>;

export const UpdatePeriodBody = PatchBody({
  name: Type.Optional(PeriodName),
  kind: Type.Optional(PeriodKindSchema),
  opensAt: Type.Optional(Instant),
  closesAt: Type.Optional(Instant),
  years: Type.Optional(Years),
  maxCredits: Type.Optional(MaxCredits),
});
export type UpdatePeriodBody = Static<typeof UpdatePeriodBody>;

export const CreatedPeriod = Type.Object({ id: Type.Integer() });
