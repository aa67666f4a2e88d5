import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const ActorRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('student'),
  Type.Literal('system'),
  Type.Literal('anonymous'),
]);

export const AuditItem = Type.Object(
  {
    id: Type.Integer(),
    actorRole: ActorRole,
    actorId: Type.Union([Type.Integer(), Type.Null()]),
    action: Type.String(),
    target: Type.String(),
    outcome: Type.String({ description: 'ok, or the error code the request ended with' }),
    requestId: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    at: Type.String({ format: 'date-time' }),
  },
  { title: 'AuditEntry' },
);
export type AuditItem = Static<typeof AuditItem>;

export const AuditPage = Type.Object({ items: Type.Array(AuditItem), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'e.g. student.delete' })),
    actorRole: Type.Optional(ActorRole),
    actorId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'e.g. section:12' })),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
