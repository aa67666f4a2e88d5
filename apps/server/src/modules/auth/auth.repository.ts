import type { Db } from '../../platform/transactions.js';

export function findStudentForLogin(db: Db, studentNo: string) {
  return db
    .selectFrom('students')
    .select(['id', 'student_no', 'name', 'password_hash', 'must_change_password'])
    .where('student_no', '=', studentNo)
    .executeTakeFirst();
}

export function findAdminForLogin(db: Db, username: string) {
  return db
    .selectFrom('admins')
    .select(['id', 'username', 'name', 'password_hash', 'must_change_password', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findStudentNumbersByIdentity(db: Db, name: string, departmentId: number) {
  return db
    .selectFrom('students')
    .select(['student_no', 'tel', 'name'])
    .where('name', '=', name)
    .where('department_id', '=', departmentId)
    .execute();
}
