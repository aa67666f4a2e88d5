import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from './db-errors.js';
import { AppError } from './errors.js';
import type { Db, Trx } from './transactions.js';

/** The optional header every idempotent route declares, so it shows in the OpenAPI document. */
export const IdempotencyKeyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description: 'Repeats with the same key replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -)',
    }),
  ),
});

/** Called by a service inside its transaction, so the stored outcome commits with the change. */
export type BeforeCommit = (trx: Trx, outcome: unknown) => Promise<void>;

interface Stored {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

async function findStored(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
): Promise<Stored | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'body'])
    .where('scope', '=', scope)
    .where('idem_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { status: row.status, body: JSON.parse(row.body) as unknown };
}

/**
 * Runs a state-changing request at most once per (actor, Idempotency-Key): the first outcome,
 * success or rule violation, is stored and every repeat gets it back with Idempotent-Replayed: true.
 * A success is stored in the same transaction as the change; when two repeats race, the loser's
 * insert hits the primary key, it rolls back, and it replays the winner's outcome.
 */
export async function runIdempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  successStatus: number,
  work: (beforeCommit: BeforeCommit | undefined) => Promise<unknown>,
): Promise<unknown> {
  const { db, clock } = request.server.deps;
  const now = () => clock.now();
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const result = await work(undefined);
    void reply.status(successStatus);
    return result;
  }
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 . _ : -',
    );
  }
  const scope = request.session ? `${request.session.role}:${request.session.userId}` : `anon:${request.ip}`;
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const replay = (stored: Stored) => {
    void reply.status(stored.status).header('idempotent-replayed', 'true');
    return stored.body;
  };
  const earlier = await findStored(db, scope, header, fingerprint);
  if (earlier) return replay(earlier);

  const save = async (target: Db | Trx, status: number, body: unknown) => {
    await target
      .insertInto('idempotency_keys')
      .values({ scope, idem_key: header, fingerprint, status, body: JSON.stringify(body), created_at: now() })
      .execute();
  };
  try {
    let savedInTransaction = false;
    const result = await work(async (trx, outcome) => {
      await save(trx, successStatus, outcome);
      savedInTransaction = true;
    });
    // Work made of several transactions (cart checkout) stores its combined outcome afterwards.
    if (!savedInTransaction) await save(db, successStatus, result);
    void reply.status(successStatus);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) {
      const stored = await findStored(db, scope, header, fingerprint);
      if (stored) return replay(stored);
    }
    if (error instanceof AppError && error.status < 500) {
      const errorBody = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      };
      try {
        await save(db, error.status, errorBody);
      } catch (saveError) {
        if (!isUniqueViolation(saveError)) throw saveError;
        const stored = await findStored(db, scope, header, fingerprint);
        if (stored) return replay(stored);
      }
    }
    throw error;
  }
}
