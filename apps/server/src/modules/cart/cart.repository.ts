import { sql } from 'kysely';
import type { PeriodKind } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';

export function listCartRows(db: Db | Trx, studentId: number) {
  return db
    .selectFrom('cart_items as c')
    .innerJoin('sections as s', 's.id', 'c.section_id')
    .innerJoin('subjects as j', 'j.id', 's.subject_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .select([
      'c.section_id',
      'c.created_at',
      's.number',
      's.capacity',
      's.taken',
      'j.id as subject_id',
      'j.code as subject_code',
      'j.name as subject_name',
      'j.type as subject_type',
      'j.credits',
      'p.id as professor_id',
      'p.name as professor_name',
    ])
    .where('c.student_id', '=', studentId)
    .orderBy('c.created_at')
    .orderBy('c.section_id')
    .execute();
}

export function countCartItems(db: Db | Trx, studentId: number) {
  return db
    .selectFrom('cart_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('student_id', '=', studentId)
    .executeTakeFirstOrThrow();
}

export async function insertCartItem(
  trx: Trx,
  studentId: number,
  sectionId: number,
  now: number,
): Promise<void> {
  await trx
    .insertInto('cart_items')
    .values({ student_id: studentId, section_id: sectionId, created_at: now })
    .execute();
}

/** Only the caller's own row: the original deleted the course from every student's cart. */
export async function deleteOwnCartItem(trx: Trx, studentId: number, sectionId: number): Promise<boolean> {
  const r = await trx
    .deleteFrom('cart_items')
    .where('student_id', '=', studentId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export function sectionExists(db: Db | Trx, sectionId: number) {
  return db.selectFrom('sections').select('id').where('id', '=', sectionId).executeTakeFirst();
}

export function findStudentYear(db: Db | Trx, studentId: number) {
  return db.selectFrom('students').select('year').where('id', '=', studentId).executeTakeFirst();
}

/** The soonest period of these kinds for a student of `year` that has not opened yet. */
export function findNextPeriod(db: Db | Trx, kinds: readonly PeriodKind[], year: number, now: number) {
  return db
    .selectFrom('periods')
    .select(['id', 'max_credits', 'opens_at'])
    .where('kind', 'in', [...kinds])
    .where('opens_at', '>', now)
    .where(sql<number>`years_mask & ${1 << (year - 1)}`, '<>', 0)
    .orderBy('opens_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
