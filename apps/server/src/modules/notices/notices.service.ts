import type { Updateable } from 'kysely';
import type { NoticesTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { assertArticleBody, cleanTitle } from '../../platform/article.js';
import { writeAudit } from '../../platform/audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type {
  CreateNoticeBody,
  Notice,
  NoticePage,
  NoticeQuery,
  UpdateNoticeBody,
} from './notices.schema.js';
import type { NoticeRow } from './notices.repository.js';
import { deleteNotice, findNotice, insertNotice, listNotices, updateNotice } from './notices.repository.js';

const NOTICE = '안내 / notice';

function noticeRowToNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    pinned: Number(row.pinned) === 1,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

export function createNoticesService(deps: AppDeps) {
  const { db, clock } = deps;

  async function list(query: NoticeQuery): Promise<NoticePage> {
    const { rows, total } = await listNotices(db, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(noticeRowToNotice), total };
  }

  async function get(id: number): Promise<Notice> {
    const row = await findNotice(db, id);
    if (!row) throw notFound(NOTICE);
    return noticeRowToNotice(row);
  }

  async function create(input: CreateNoticeBody, actor: Actor): Promise<Notice> {
    const title = cleanTitle(input.title);
    assertArticleBody(input.body);
    const pinned = input.pinned === true;
    const id = await inTransaction(db, async (trx) => {
      const now = clock.now();
      const noticeId = await insertNotice(trx, {
        title,
        body: input.body,
        pinned: pinned ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await writeAudit(
        trx,
        actor,
        { action: 'notice.create', target: `notice:${noticeId}`, detail: { title, pinned } },
        now,
      );
      return noticeId;
    });
    return get(id);
  }

  async function update(id: number, input: UpdateNoticeBody, actor: Actor): Promise<Notice> {
    const patch: Updateable<NoticesTable> = {};
    if (input.title !== undefined) patch.title = cleanTitle(input.title);
    if (input.body !== undefined) {
      assertArticleBody(input.body);
      patch.body = input.body;
    }
    if (input.pinned !== undefined) patch.pinned = input.pinned ? 1 : 0;
    await inTransaction(db, async (trx) => {
      if (!(await findNotice(trx, id))) throw notFound(NOTICE);
      const now = clock.now();
      await updateNotice(trx, id, { ...patch, updated_at: now });
      await writeAudit(
        trx,
        actor,
        { action: 'notice.update', target: `notice:${id}`, detail: { fields: Object.keys(patch) } },
        now,
      );
    });
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const notice = await findNotice(trx, id);
      if (!notice) throw notFound(NOTICE);
      await deleteNotice(trx, id);
      await writeAudit(
        trx,
        actor,
        { action: 'notice.delete', target: `notice:${id}`, detail: { title: notice.title } },
        clock.now(),
      );
    });
  }

  return { list, get, create, update, remove };
}
