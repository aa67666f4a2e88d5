import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Id } from '../../platform/schema.js';

export const QueueStatus = Type.Object(
  {
    ticket: Type.String({ description: 'Your place; the same one on every POST in this period' }),
    position: Type.Integer({
      minimum: 0,
      description: '1-based place among those still waiting (0 once admitted); never goes up',
    }),
    etaSeconds: Type.Integer({
      minimum: 0,
      description: 'Estimated wait, from the measured admission rate; never goes up',
    }),
    admitted: Type.Boolean(),
    admissionToken: Type.Optional(
      Type.String({
        description: 'Present once admitted: send it as X-Admission-Token on registration changes',
      }),
    ),
    nextPollMs: Type.Integer({
      minimum: 0,
      description:
        'Ask again (GET /sugang/api/queue/{ticket}) after this long: 1-30 s, growing with the position, shorter near the ETA',
    }),
  },
  { title: 'QueueStatus' },
);
export type QueueStatus = Static<typeof QueueStatus>;

/** Any short token-like text: a ticket that is not ours, or not one at all, is 404 alike. */
export const TicketParams = Type.Object(
  { ticket: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }) },
  { additionalProperties: false },
);

export const FairnessQuery = Type.Object({ periodId: Type.Optional(Id) }, { additionalProperties: false });

export const Fairness = Type.Object(
  {
    periodId: Type.Integer(),
    seedHash: Type.String({ description: 'sha256 (hex) of the seed, published before the opening' }),
    seed: Type.Union([Type.String(), Type.Null()], {
      description: 'The seed (64 hex digits), null until the opening',
    }),
    revealedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'The opening instant, once it has passed',
    }),
  },
  { title: 'QueueFairness' },
);
export type Fairness = Static<typeof Fairness>;

export const AdmissionTokenHeader = Type.Object({
  'x-admission-token': Type.Optional(
    Type.String({ description: 'The admissionToken from the waiting room; required while it is active' }),
  ),
});
