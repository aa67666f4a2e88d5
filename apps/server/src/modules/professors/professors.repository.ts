import type { Updateable } from 'kysely';
import type { ProfessorsTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';

function selectProfessors(db: Db | Trx) {
  return db
    .selectFrom('professors as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select((eb) => [
      'p.id',
      'p.name',
      'd.id as department_id',
      'd.code as department_code',
      'd.name as department_name',
      eb
        .selectFrom('sections as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.professor_id', '=', 'p.id')
        .as('section_count'),
    ]);
}

export type ProfessorRow = NonNullable<Awaited<ReturnType<typeof findProfessor>>>;

export function listProfessors(db: Db, departmentId?: number) {
  return selectProfessors(db)
    .$if(departmentId !== undefined, (q) => q.where('p.department_id', '=', departmentId ?? 0))
    .orderBy('d.code')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

export function findProfessor(db: Db | Trx, id: number) {
  return selectProfessors(db).where('p.id', '=', id).executeTakeFirst();
}

export async function insertProfessor(
  trx: Trx,
  row: { departmentId: number; name: string; createdAt: number },
): Promise<number> {
  const result = await trx
    .insertInto('professors')
    .values({ department_id: row.departmentId, name: row.name, created_at: row.createdAt })
    .executeTakeFirst();
  return Number(result.insertId);
}

export async function updateProfessor(
  trx: Trx,
  id: number,
  patch: Updateable<ProfessorsTable>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('professors').set(patch).where('id', '=', id).execute();
}

/** Sections keep running: the foreign key sets their professor to NULL (교수 미정). */
export async function deleteProfessor(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('professors').where('id', '=', id).execute();
}

export function departmentExists(db: Db | Trx, id: number) {
  return db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
}
