import type { Insertable, Updateable } from 'kysely';
import type { PostsTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';

function selectPosts(db: Db | Trx) {
  return db
    .selectFrom('posts')
    .innerJoin('departments', 'departments.id', 'posts.department_id')
    .leftJoin('admins', 'admins.id', 'posts.author_admin_id')
    .select([
      'posts.id',
      'posts.title',
      'posts.body',
      'posts.created_at',
      'posts.updated_at',
      'departments.id as department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'admins.name as author_name',
    ]);
}

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export function findPost(db: Db | Trx, id: number) {
  return selectPosts(db).where('posts.id', '=', id).executeTakeFirst();
}

/** Newest first; the (department_id, id) index serves both the page and the count. */
export async function listDepartmentPosts(
  db: Db,
  departmentId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: PostRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    selectPosts(db)
      .where('posts.department_id', '=', departmentId)
      .orderBy('posts.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', departmentId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findDepartment(db: Db | Trx, id: number) {
  return db.selectFrom('departments').select(['id']).where('id', '=', id).executeTakeFirst();
}

export async function insertPost(trx: Trx, row: Insertable<PostsTable>): Promise<number> {
  const result = await trx.insertInto('posts').values(row).executeTakeFirst();
  return Number(result.insertId);
}

export async function updatePost(trx: Trx, id: number, patch: Updateable<PostsTable>): Promise<void> {
  await trx.updateTable('posts').set(patch).where('id', '=', id).execute();
}

export async function deletePost(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('posts').where('id', '=', id).execute();
}
