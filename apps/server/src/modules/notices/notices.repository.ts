import type { Insertable, Updateable } from 'kysely';
import type { NoticesTable } from '@karina/db';
import type { Db, Trx } from '../../platform/transactions.js';

const COLUMNS = ['id', 'title', 'body', 'pinned', 'created_at', 'updated_at'] as const;

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

export function findNotice(db: Db | Trx, id: number) {
  return db.selectFrom('notices').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Pinned first, then newest first; ix_notices_list (pinned, created_at, id) serves the order. */
export async function listNotices(
  db: Db,
  page: { limit: number; offset: number },
): Promise<{ rows: NoticeRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('notices')
      .select(COLUMNS)
      .orderBy('pinned', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertNotice(trx: Trx, row: Insertable<NoticesTable>): Promise<number> {
  const result = await trx.insertInto('notices').values(row).executeTakeFirst();
  return Number(result.insertId);
}

export async function updateNotice(trx: Trx, id: number, patch: Updateable<NoticesTable>): Promise<void> {
  await trx.updateTable('notices').set(patch).where('id', '=', id).execute();
}

export async function deleteNotice(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('notices').where('id', '=', id).execute();
}
