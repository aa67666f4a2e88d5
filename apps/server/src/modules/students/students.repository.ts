import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { DialectName, StudentsTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';
import { withRowLock } from '../../platform/locking.js';

export interface StudentFilter {
  departmentId?: number;
  year?: number;
  q?: string;
}

/** LIKE with '!' as the escape character: the same spelling works on SQLite and MariaDB. */
function likeEscape(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}

function studentsWithDepartment(db: Db | Trx) {
  return db.selectFrom('students').innerJoin('departments', 'departments.id', 'students.department_id');
}

const STUDENT_COLUMNS = [
  'students.id',
  'students.student_no',
  'students.name',
  'students.entry_year',
  'students.year',
  'students.tel',
  'students.email',
  'students.birth_date',
  'students.postcode',
  'students.address1',
  'students.address2',
  'students.must_change_password',
  'students.created_at',
  'departments.id as department_id',
  'departments.code as department_code',
  'departments.name as department_name',
] as const;

export type StudentRow = NonNullable<Awaited<ReturnType<typeof findStudent>>>;

export function findStudent(db: Db | Trx, id: number) {
  return studentsWithDepartment(db).select(STUDENT_COLUMNS).where('students.id', '=', id).executeTakeFirst();
}

export async function listStudents(
  db: Db,
  filter: StudentFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: StudentRow[]; total: number }> {
  let base = studentsWithDepartment(db);
  if (filter.departmentId !== undefined)
    base = base.where('students.department_id', '=', filter.departmentId);
  if (filter.year !== undefined) base = base.where('students.year', '=', filter.year);
  if (filter.q !== undefined) {
    const q = likeEscape(filter.q);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('students.name')} like ${`%${q}%`} escape '!'`,
        sql<boolean>`${eb.ref('students.student_no')} like ${`${q}%`} escape '!'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(STUDENT_COLUMNS)
      .orderBy('students.student_no')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findDepartmentCode(db: Db | Trx, id: number) {
  return db.selectFrom('departments').select(['id', 'code']).where('id', '=', id).executeTakeFirst();
}

export function listDepartmentCodes(db: Db | Trx) {
  return db.selectFrom('departments').select(['id', 'code']).execute();
}

/**
 * Locks departments (in id order, so two importers never wait on each other in a cycle) before
 * their 학번 sequences are touched. Creators of one department then queue here instead of
 * deadlocking on the sequence row, whose INSERT IGNORE + UPDATE takes a shared lock before the
 * exclusive one. SQLite holds one write lock per transaction anyway.
 */
export function lockDepartments(trx: Trx, dialect: DialectName, ids: readonly number[]) {
  return trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .$call((q) => withRowLock(q, dialect))
    .execute();
}

export async function insertStudent(trx: Trx, row: Insertable<StudentsTable>): Promise<number> {
  const result = await trx.insertInto('students').values(row).executeTakeFirst();
  return Number(result.insertId);
}

export async function updateStudent(trx: Trx, id: number, patch: Updateable<StudentsTable>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('students').set(patch).where('id', '=', id).execute();
}

export async function deleteStudentSessions(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('sessions').where('student_id', '=', id).execute();
}

/** Cart, wait-list and session rows go with the student by cascade; seats are released before this. */
export async function deleteStudent(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('students').where('id', '=', id).execute();
}

/** Every matching student in 학번 order, for the registrar's CSV export. */
export function listStudentsForExport(db: Db, filter: Omit<StudentFilter, 'q'>): Promise<StudentRow[]> {
  let query = studentsWithDepartment(db).select(STUDENT_COLUMNS);
  if (filter.departmentId !== undefined)
    query = query.where('students.department_id', '=', filter.departmentId);
  if (filter.year !== undefined) query = query.where('students.year', '=', filter.year);
  return query.orderBy('students.student_no').execute();
}
