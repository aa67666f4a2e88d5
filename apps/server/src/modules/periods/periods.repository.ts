import { sql } from 'kysely';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DialectName, PeriodKind, PeriodsTable } from '@karina/db';
import { nextSequenceValue } from '../../platform/codes.js';
import type { Db, Trx } from '../../platform/transactions.js';
import { withRowLock } from '../../platform/locking.js';

export type PeriodRow = Selectable<PeriodsTable>;

export const ALL_YEARS_MASK = 0b1111;

export function yearsToMask(years: readonly number[]): number {
  return years.reduce((mask, year) => mask | (1 << (year - 1)), 0);
}

export function maskToYears(mask: number): number[] {
  return [1, 2, 3, 4].filter((year) => (mask & (1 << (year - 1))) !== 0);
}

/**
 * The period of one of these kinds that is open at `now` for a student of `year`; when several
 * overlap, the one that opened last wins. Windows are half-open: open at opens_at, closed at closes_at.
 */
export async function findOpenPeriod(
  db: Db | Trx,
  kinds: readonly PeriodKind[],
  year: number,
  now: number,
): Promise<PeriodRow | undefined> {
  if (kinds.length === 0 || year < 1 || year > 4) return undefined;
  return db
    .selectFrom('periods')
    .selectAll()
    .where('kind', 'in', [...kinds])
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .where(sql<number>`years_mask & ${1 << (year - 1)}`, '<>', 0)
    .orderBy('opens_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listPeriods(db: Db) {
  return db.selectFrom('periods').selectAll().orderBy('opens_at', 'desc').orderBy('id', 'desc').execute();
}

/** Periods that have not closed yet, soonest first: what students are told about. */
export function listUpcomingPeriods(db: Db, now: number) {
  return db
    .selectFrom('periods')
    .selectAll()
    .where('closes_at', '>', now)
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
}

export function findPeriod(db: Db | Trx, id: number) {
  return db.selectFrom('periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The period row under its write lock, so two edits cannot each pass the window check and combine into a window that closes before it opens. */
export function lockPeriod(trx: Trx, dialect: DialectName, id: number) {
  const q = trx.selectFrom('periods').selectAll().where('id', '=', id);
  return withRowLock(q, dialect).executeTakeFirst();
}

/**
 * Serialises every write that moves a window (create, and edits of kind, window or years): with
 * READ COMMITTED and no gap locks, two creates could each see no overlap and both commit. The
 * sequence row's upsert takes its exclusive lock until commit; the value itself is not used.
 * Taken before any period row lock.
 */
export async function lockPeriodWindows(trx: Trx, dialect: DialectName): Promise<void> {
  await nextSequenceValue(trx, dialect, 'period-windows');
}

/** Another period of the kind whose half-open window meets [opensAt, closesAt) for one of the years. */
export function findOverlappingPeriod(
  db: Db | Trx,
  window: { kind: PeriodKind; opensAt: number; closesAt: number; yearsMask: number; exceptId?: number },
) {
  let q = db
    .selectFrom('periods')
    .select(['id', 'name', 'opens_at', 'closes_at', 'years_mask'])
    .where('kind', '=', window.kind)
    .where('opens_at', '<', window.closesAt)
    .where('closes_at', '>', window.opensAt)
    .where(sql<number>`years_mask & ${window.yearsMask}`, '<>', 0);
  if (window.exceptId !== undefined) q = q.where('id', '<>', window.exceptId);
  return q.orderBy('opens_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function insertPeriod(trx: Trx, row: Insertable<PeriodsTable>): Promise<number> {
  const result = await trx.insertInto('periods').values(row).executeTakeFirst();
  return Number(result.insertId);
}

export async function updatePeriod(trx: Trx, id: number, patch: Updateable<PeriodsTable>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('periods').set(patch).where('id', '=', id).execute();
}

export async function deletePeriod(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('periods').where('id', '=', id).execute();
}
