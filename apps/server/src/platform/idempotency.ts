import { createHash } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUniqueViolation } from './db-errors.js';
import { refusal } from './error-handler.js';
import { AppError } from './errors.js';
import {
  deleteExpiredIdempotencyRecord,
  deleteIdempotencyRecordsBefore,
  findIdempotencyRecord,
  insertIdempotencyRecord,
} from './idempotency.repository.js';
import type { ErrorBody } from './schema.js';
import type { Db, Trx } from './transactions.js';

/** The optional header every idempotent route declares, so it shows in the OpenAPI document. */
export const IdempotencyKeyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Repeats with the same key within 24 hours replay the first outcome (1-128 of A-Z a-z 0-9 . _ : -)',
    }),
  ),
});

/**
 * How long a key replays its first outcome. A client retries within seconds or minutes; after a
 * day the key is free again and its record is swept, so the table does not grow without bound.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** Called by a service inside its transaction, so the stored outcome commits with the change. */
export type BeforeCommit<T> = (trx: Trx, outcome: T) => Promise<void>;

type ErrorEnvelope = Static<typeof ErrorBody>;

/** What a replay answers: the first success, or the first rule violation's error body. */
export type IdempotentOutcome<T> = T | ErrorEnvelope;

interface Stored<T> {
  status: number;
  body: IdempotentOutcome<T>;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** A record within its lifetime, or undefined; an expired one is deleted so the key can be used afresh. */
async function findStored<T>(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  now: number,
): Promise<Stored<T> | undefined> {
  const row = await findIdempotencyRecord(db, scope, key);
  if (!row) return undefined;
  const expiresBefore = now - IDEMPOTENCY_TTL_MS;
  if (Number(row.created_at) < expiresBefore) {
    await deleteExpiredIdempotencyRecord(db, scope, key, expiresBefore);
    return undefined;
  }
  if (row.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  // The body was written by this function from a T or an error envelope.
  return { status: row.status, body: JSON.parse(row.body) as IdempotentOutcome<T> };
}

/** Deletes expired records; lookups already ignore them, this only keeps the table small. */
export function sweepIdempotencyRecords(db: Db, now: number): Promise<number> {
  return deleteIdempotencyRecordsBefore(db, now - IDEMPOTENCY_TTL_MS);
}

/**
 * Runs a state-changing request at most once per (actor, Idempotency-Key) within
 * IDEMPOTENCY_TTL_MS: the first outcome, success or rule violation, is stored and every repeat
 * gets it back with Idempotent-Replayed: true. A success is stored in the same transaction as the
 * change; when two repeats race, the loser's insert hits the primary key, it rolls back, and it
 * replays the winner's outcome.
 */
export async function runIdempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  successStatus: number,
  work: (beforeCommit: BeforeCommit<T> | undefined) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  const { db, clock } = request.server.deps;
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    try {
      const result = await work(undefined);
      void reply.status(successStatus);
      return result;
    } catch (error) {
      // A rule's refusal is an answer, not a failure: returned, it skips Fastify's error path.
      if (error instanceof AppError && error.status < 500) return refusal(reply, error);
      throw error;
    }
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
  const replay = (stored: Stored<T>) => {
    request.server.metrics.idempotentReplays.inc();
    void reply.status(stored.status).header('idempotent-replayed', 'true');
    return stored.body;
  };
  const lookup = () => findStored<T>(db, scope, header, fingerprint, clock.now());
  const earlier = await lookup();
  if (earlier) return replay(earlier);

  const save = (target: Db | Trx, status: number, body: IdempotentOutcome<T>) =>
    insertIdempotencyRecord(target, {
      scope,
      idem_key: header,
      fingerprint,
      status,
      body: JSON.stringify(body),
      created_at: clock.now(),
    });
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
      const stored = await lookup();
      if (stored) return replay(stored);
    }
    if (error instanceof AppError && error.status < 500) {
      const errorBody: ErrorEnvelope = {
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
        const stored = await lookup();
        if (stored) return replay(stored);
      }
      return refusal(reply, error);
    }
    throw error;
  }
}
