import { sql } from 'kysely';
import type { Db } from '../../platform/transactions.js';

export interface QueuePeriodRow {
  id: number;
  opens_at: number;
  closes_at: number;
}

const KINDS = ['registration', 'add_drop'] as const;

/**
 * The registration or add/drop period for this student's year that is open at `now`, else the
 * soonest one opening within `leadMs`. One query: the student's year is joined in, not read first.
 */
export async function findQueuePeriodForStudent(
  db: Db,
  studentId: number,
  now: number,
  leadMs: number,
): Promise<QueuePeriodRow | undefined> {
  return (
    db
      .selectFrom('periods as p')
      .innerJoin('students as s', (join) =>
        join.on('s.id', '=', studentId).on(sql<number>`p.years_mask & (1 << (s.year - 1))`, '<>', 0),
      )
      .select(['p.id', 'p.opens_at', 'p.closes_at'])
      .where('p.kind', 'in', [...KINDS])
      .where('p.opens_at', '<=', now + leadMs)
      .where('p.closes_at', '>', now)
      // Open ones first, the latest opened winning (as registration itself decides), then the soonest.
      .orderBy(sql`case when p.opens_at <= ${now} then 0 else 1 end`)
      .orderBy(sql`case when p.opens_at <= ${now} then -p.opens_at else p.opens_at end`)
      .orderBy('p.id', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** For the public fairness record: the period open now (latest opened), else the next to open. */
export async function findFairnessPeriod(
  db: Db,
  now: number,
  periodId: number | undefined,
): Promise<QueuePeriodRow | undefined> {
  let query = db
    .selectFrom('periods as p')
    .select(['p.id', 'p.opens_at', 'p.closes_at'])
    .where('p.kind', 'in', [...KINDS]);
  if (periodId !== undefined) return query.where('p.id', '=', periodId).executeTakeFirst();
  query = query.where('p.closes_at', '>', now);
  return query
    .orderBy(sql`case when p.opens_at <= ${now} then 0 else 1 end`)
    .orderBy(sql`case when p.opens_at <= ${now} then -p.opens_at else p.opens_at end`)
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
