import type { Db, Trx } from '../../platform/transactions.js';

export function listDepartments(db: Db) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code').execute();
}

export function findDepartment(db: Db | Trx, id: number) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
}

export function findDepartmentByName(db: Db | Trx, name: string) {
  return db.selectFrom('departments').select(['id']).where('name', '=', name).executeTakeFirst();
}

export async function insertDepartment(
  trx: Trx,
  row: { code: string; name: string; createdAt: number },
): Promise<number> {
  const result = await trx
    .insertInto('departments')
    .values({ code: row.code, name: row.name, created_at: row.createdAt })
    .executeTakeFirst();
  return Number(result.insertId);
}

export async function updateDepartmentName(trx: Trx, id: number, name: string): Promise<void> {
  await trx.updateTable('departments').set({ name }).where('id', '=', id).execute();
}

export async function countStudentsInDepartment(trx: Trx, id: number): Promise<number> {
  const row = await trx
    .selectFrom('students')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The foreign keys remove posts, professors, subjects, their sections and every row that hangs off them. */
export async function deleteDepartment(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('departments').where('id', '=', id).execute();
}
