import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@karina/db';
import { isRetryableTransactionError } from './db-errors.js';

export type Trx = Transaction<Database>;
export type Db = Kysely<Database>;

const MAX_ATTEMPTS = 8;

/**
 * Runs fn in one transaction, again from the start when the database picked it as a deadlock
 * victim. Registration takes the student's row lock before the section's, and a drop that promotes
 * a wait-listed student takes a second student's lock after the section's, so MariaDB can see a
 * cycle; it aborts one side, and a retry is the standard answer.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
