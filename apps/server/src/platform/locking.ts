import { sql } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';
import type { DialectName } from '@karina/db';

/**
 * Only MariaDB has row locks. SQLite needs none: its write transactions are already serial
 * (BEGIN IMMEDIATE on a single connection), so a lock-only statement is skipped there entirely.
 */
export function hasRowLocks(dialect: DialectName): boolean {
  return dialect === 'mysql';
}

/**
 * The one place that spells a row lock per dialect: `update` (FOR UPDATE) for rows about to be
 * changed or checked-then-changed, `share` (LOCK IN SHARE MODE: MariaDB 10 has no FOR SHARE) for
 * rows that must not change while many readers rely on them. On SQLite the query is unchanged.
 */
export function withRowLock<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
  mode: 'update' | 'share' = 'update',
): SelectQueryBuilder<DB, TB, O> {
  if (!hasRowLocks(dialect)) return query;
  return mode === 'update' ? query.forUpdate() : query.modifyEnd(sql`lock in share mode`);
}
