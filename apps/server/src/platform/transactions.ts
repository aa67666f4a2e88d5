import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@karina/db';
import { isRetryableTransactionError } from './db-errors.js';

export type Trx = Transaction<Database>;
export type Db = Kysely<Database>;

const MAX_ATTEMPTS = 8;

/** What a transaction asked to run once it has committed (audit.ts tells the log then). */
const committedCallbacks = new WeakMap<Trx, ((db: Db) => void)[]>();
/** Called once per retried attempt, per database handle (the app counts them in /metrics). */
const retryListeners = new WeakMap<Db, () => void>();

/** Runs `callback` after the transaction `trx` commits; never, if it rolls back. */
export function afterCommit(trx: Trx, callback: (db: Db) => void): void {
  const callbacks = committedCallbacks.get(trx);
  if (callbacks) callbacks.push(callback);
  else committedCallbacks.set(trx, [callback]);
}

export function onTransactionRetry(db: Db, listener: () => void): void {
  retryListeners.set(db, listener);
}

/**
 * Runs fn in one transaction, again from the start when the database picked it as a deadlock
 * victim. Registration takes the student's row lock before the section's, and a drop that promotes
 * a wait-listed student takes a second student's lock after the section's, so MariaDB can see a
 * cycle; it aborts one side, and a retry is the standard answer.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let current: Trx | undefined;
    let result: T;
    try {
      result = await db.transaction().execute((trx) => {
        current = trx;
        return fn(trx);
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      retryListeners.get(db)?.();
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      continue;
    }
    // Committed: what the callbacks do (logging, counting) can no longer change the answer.
    for (const callback of (current && committedCallbacks.get(current)) ?? []) {
      try {
        callback(db);
      } catch {
        // A sink that fails must not turn a committed change into an error.
      }
    }
    return result;
  }
}
