import type { Db } from '../../platform/transactions.js';

export function listOpenPeriods(db: Db, now: number) {
  return db
    .selectFrom('periods')
    .select(['id', 'name', 'kind', 'closes_at'])
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .orderBy('closes_at')
    .orderBy('id')
    .execute();
}

/** Every section's fill, with wait-list sizes from one grouped subquery. */
export function listSectionFill(db: Db) {
  return db
    .selectFrom('sections as s')
    .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('waitlist_entries')
          .select(['section_id', (e) => e.fn.countAll<number | string>().as('n')])
          .groupBy('section_id')
          .as('w'),
      (join) => join.onRef('w.section_id', '=', 's.id'),
    )
    .select([
      's.id',
      's.number',
      's.capacity',
      's.taken',
      'sub.id as subject_id',
      'sub.code as subject_code',
      'sub.name as subject_name',
      'w.n as waitlisted',
    ])
    .orderBy('s.id')
    .execute();
}
export type SectionFillRow = Awaited<ReturnType<typeof listSectionFill>>[number];

/** Enrollment rows made in (now - 60 s, now] and in its last 10 s; ix_enrollments_created_at serves it. */
export async function countRecentEnrollments(
  db: Db,
  now: number,
): Promise<{ last10s: number; last60s: number }> {
  const row = await db
    .selectFrom('enrollments')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('last60s'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when('created_at', '>', now - 10_000)
            .then(1)
            .else(0)
            .end(),
        )
        .as('last10s'),
    ])
    .where('created_at', '>', now - 60_000)
    .where('created_at', '<=', now)
    .executeTakeFirstOrThrow();
  return { last10s: Number(row.last10s ?? 0), last60s: Number(row.last60s) };
}
