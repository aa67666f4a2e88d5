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

/**
 * What deleting the department would remove (by the foreign keys' cascade) or is blocked by (its
 * students), counted in one statement so the numbers come from one snapshot.
 */
export async function countDepartmentImpact(db: Db, id: number) {
  const row = await db
    .selectNoFrom((eb) => {
      const n = () => eb.fn.countAll<number | string>().as('n');
      const sectionIds = () =>
        eb
          .selectFrom('sections as s')
          .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
          .select('s.id')
          .where('sub.department_id', '=', id);
      return [
        eb.selectFrom('students').select(n()).where('department_id', '=', id).as('students'),
        eb.selectFrom('professors').select(n()).where('department_id', '=', id).as('professors'),
        eb.selectFrom('subjects').select(n()).where('department_id', '=', id).as('subjects'),
        eb
          .selectFrom('sections as s')
          .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
          .select(n())
          .where('sub.department_id', '=', id)
          .as('sections'),
        eb.selectFrom('enrollments').select(n()).where('section_id', 'in', sectionIds()).as('enrollments'),
        eb.selectFrom('cart_items').select(n()).where('section_id', 'in', sectionIds()).as('cart_items'),
        eb
          .selectFrom('waitlist_entries')
          .select(n())
          .where('section_id', 'in', sectionIds())
          .as('waitlist_entries'),
        eb.selectFrom('posts').select(n()).where('department_id', '=', id).as('posts'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    students: Number(row.students),
    professors: Number(row.professors),
    subjects: Number(row.subjects),
    sections: Number(row.sections),
    enrollments: Number(row.enrollments),
    cartItems: Number(row.cart_items),
    waitlistEntries: Number(row.waitlist_entries),
    posts: Number(row.posts),
  };
}
