import type { Insertable, Updateable } from 'kysely';
import type { DialectName, SubjectsTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';
import { withRowLock } from '../../platform/locking.js';

function selectSubjects(db: Db | Trx) {
  return db
    .selectFrom('subjects')
    .innerJoin('departments', 'departments.id', 'subjects.department_id')
    .select((eb) => [
      'subjects.id',
      'subjects.code',
      'subjects.name',
      'subjects.credits',
      'subjects.type',
      'subjects.target_year',
      'subjects.description',
      'departments.id as department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      eb
        .selectFrom('sections')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('sections.subject_id', '=', 'subjects.id')
        .as('section_count'),
    ]);
}

export type SubjectRow = NonNullable<Awaited<ReturnType<typeof findSubject>>>;

export function findSubject(db: Db | Trx, id: number) {
  return selectSubjects(db).where('subjects.id', '=', id).executeTakeFirst();
}

export function listSubjects(db: Db, departmentId?: number) {
  return selectSubjects(db)
    .$if(departmentId !== undefined, (q) => q.where('subjects.department_id', '=', departmentId ?? 0))
    .orderBy('subjects.code')
    .execute();
}

/**
 * Locks the department before its subject-code sequence is touched, so creators queue here
 * instead of deadlocking on the sequence row (INSERT IGNORE takes a shared lock, UPDATE then
 * wants an exclusive one). SQLite holds one write lock per transaction anyway.
 */
export function lockDepartment(trx: Trx, dialect: DialectName, id: number) {
  return trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('id', '=', id)
    .$call((q) => withRowLock(q, dialect))
    .executeTakeFirst();
}

export async function insertSubject(trx: Trx, row: Insertable<SubjectsTable>): Promise<number> {
  const result = await trx.insertInto('subjects').values(row).executeTakeFirst();
  return Number(result.insertId);
}

/** Locks the subject row (MariaDB; SQLite holds the write lock for the whole transaction). */
export function lockSubject(trx: Trx, dialect: DialectName, id: number) {
  return trx
    .selectFrom('subjects')
    .select(['id', 'code', 'name', 'credits'])
    .where('id', '=', id)
    .$call((q) => withRowLock(q, dialect))
    .executeTakeFirst();
}

/** A locking read on MariaDB, so an enrollment committed a moment ago is counted. */
export async function subjectHasEnrollments(trx: Trx, dialect: DialectName, id: number): Promise<boolean> {
  const rows = await trx
    .selectFrom('enrollments')
    .select('id')
    .where('subject_id', '=', id)
    .limit(1)
    .$call((q) => withRowLock(q, dialect))
    .execute();
  return rows.length > 0;
}

export async function updateSubject(trx: Trx, id: number, patch: Updateable<SubjectsTable>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('subjects').set(patch).where('id', '=', id).execute();
}

/** Sections, their meetings and every cart, enrollment and wait-list row go by cascade. */
export async function deleteSubject(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('subjects').where('id', '=', id).execute();
}
