import type { Insertable } from 'kysely';
import type { IdempotencyKeysTable } from '@karina/db';
import type { Db, Trx } from './transactions.js';

export function findIdempotencyRecord(db: Db, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'body', 'created_at'])
    .where('scope', '=', scope)
    .where('idem_key', '=', key)
    .executeTakeFirst();
}

export async function insertIdempotencyRecord(
  db: Db | Trx,
  row: Insertable<IdempotencyKeysTable>,
): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

/** Deletes one key's record only if it is still the expired one that was read, never a fresh one. */
export async function deleteExpiredIdempotencyRecord(
  db: Db,
  scope: string,
  key: string,
  createdBefore: number,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('idem_key', '=', key)
    .where('created_at', '<', createdBefore)
    .execute();
}

export async function deleteIdempotencyRecordsBefore(db: Db, createdBefore: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', createdBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
