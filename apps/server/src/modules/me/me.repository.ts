import type { Updateable } from 'kysely';
import type { StudentsTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';

export function findStudentProfile(db: Db, id: number) {
  return db
    .selectFrom('students as s')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.student_no',
      's.name',
      's.entry_year',
      's.year',
      's.tel',
      's.email',
      's.birth_date',
      's.postcode',
      's.address1',
      's.address2',
      's.must_change_password',
      'd.id as department_id',
      'd.code as department_code',
      'd.name as department_name',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function findAdminProfile(db: Db, id: number) {
  return db
    .selectFrom('admins')
    .select(['id', 'username', 'name', 'must_change_password'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateStudentContact(
  trx: Trx,
  id: number,
  patch: Updateable<StudentsTable>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('students').set(patch).where('id', '=', id).execute();
}

export function findPasswordHash(db: Db | Trx, role: 'admin' | 'student', id: number) {
  return role === 'admin'
    ? db.selectFrom('admins').select(['password_hash', 'username']).where('id', '=', id).executeTakeFirst()
    : db
        .selectFrom('students')
        .select(['password_hash', 'student_no as username'])
        .where('id', '=', id)
        .executeTakeFirst();
}

export async function setPassword(
  trx: Trx,
  role: 'admin' | 'student',
  id: number,
  hash: string,
): Promise<void> {
  if (role === 'admin') {
    await trx
      .updateTable('admins')
      .set({ password_hash: hash, must_change_password: 0 })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .updateTable('students')
      .set({ password_hash: hash, must_change_password: 0 })
      .where('id', '=', id)
      .execute();
  }
}

/** Other logins end when the password changes; the current one stays. */
export async function deleteOtherSessions(
  trx: Trx,
  role: 'admin' | 'student',
  id: number,
  keepTokenHash: string,
) {
  await trx
    .deleteFrom('sessions')
    .where(role === 'admin' ? 'admin_id' : 'student_id', '=', id)
    .where('token_hash', '!=', keepTokenHash)
    .execute();
}
