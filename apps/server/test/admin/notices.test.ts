import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { auditActions, createDepartment, expectError, insertStudent } from './fixtures.js';

interface NoticeOut {
  id: number;
  title: string;
  body: string;
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
}

describe.each(testDatabaseKinds())('registrar notices on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const write = (body: Record<string, unknown>) =>
    t.call('POST', '/admin/api/notices', { token: t.adminToken, body });
  const patch = (id: number, body: Record<string, unknown>) =>
    t.call('PATCH', `/admin/api/notices/${id}`, { token: t.adminToken, body });
  const noticeCount = async () =>
    Number(
      (
        await t.karina.db
          .selectFrom('notices')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function clearNotices() {
    await t.karina.db.deleteFrom('notices').execute();
  }

  it('when an admin writes a notice, it is stored with its time and audit row, and anyone can read it', async () => {
    const res = await write({
      title: '수강신청 유의사항',
      body: '정정 기간에는\n취소만 가능합니다.',
      pinned: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const notice = res.json<NoticeOut>();
    const at = new Date(t.clock.now()).toISOString();
    expect(notice).toEqual({
      id: expect.any(Number) as number,
      title: '수강신청 유의사항',
      body: '정정 기간에는\n취소만 가능합니다.',
      pinned: true,
      createdAt: at,
      updatedAt: at,
    });
    const row = await t.karina.db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: '수강신청 유의사항', pinned: 1, created_at: t.clock.now() });
    expect(await auditActions(t, `notice:${notice.id}`)).toEqual(['notice.create']);
    const read = await t.call('GET', `/student/api/notices/${notice.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(notice);
    const unpinned = (await write({ title: '안내', body: 'b' })).json<NoticeOut>();
    expect(unpinned.pinned).toBe(false);
  });

  it('when notices are listed, pinned ones come first, each group newest first, with a total and pages', async () => {
    await clearNotices();
    const ids: Record<string, number> = {};
    for (const [title, pinned] of [
      ['old pinned', true],
      ['old', false],
      ['new pinned', true],
      ['new', false],
      ['newest', false],
    ] as const) {
      t.clock.advance(1000);
      ids[title] = (await write({ title, body: 'b', pinned })).json<NoticeOut>().id;
    }
    const res = await t.call('GET', '/student/api/notices');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: NoticeOut[]; total: number }>();
    expect(page.total).toBe(5);
    expect(page.items.map((n) => n.title)).toEqual(['new pinned', 'old pinned', 'newest', 'new', 'old']);
    const second = await t.call('GET', '/student/api/notices?page=2&pageSize=2');
    expect(second.json<{ items: NoticeOut[]; total: number }>()).toMatchObject({
      total: 5,
      items: [{ id: ids.newest }, { id: ids.new }],
    });
    expect((await t.call('GET', '/student/api/notices?page=9')).json()).toEqual({ items: [], total: 5 });

    // Unpinning moves a notice into the date order; pinning an old one lifts it to the top.
    t.clock.advance(1000);
    expect((await patch(ids['old pinned'] ?? 0, { pinned: false })).statusCode).toBe(200);
    expect((await patch(ids.old ?? 0, { pinned: true })).statusCode).toBe(200);
    const after = (await t.call('GET', '/student/api/notices')).json<{ items: NoticeOut[] }>();
    expect(after.items.map((n) => n.title)).toEqual(['new pinned', 'old', 'newest', 'new', 'old pinned']);
  });

  it('when a notice is edited, the fields given and updatedAt change; deleting removes it; each writes an audit row', async () => {
    const notice = (await write({ title: '원래 제목', body: '원래 본문' })).json<NoticeOut>();
    t.clock.advance(60_000);
    const res = await patch(notice.id, { title: '고친 제목' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...notice,
      title: '고친 제목',
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    expect((await patch(notice.id, { body: '새 본문', pinned: true })).json()).toMatchObject({
      title: '고친 제목',
      body: '새 본문',
      pinned: true,
    });
    expect(
      (await t.call('DELETE', `/admin/api/notices/${notice.id}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    expect(
      await t.karina.db.selectFrom('notices').select('id').where('id', '=', notice.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await auditActions(t, `notice:${notice.id}`)).toEqual([
      'notice.create',
      'notice.update',
      'notice.update',
      'notice.delete',
    ]);
    expectError(await t.call('GET', `/student/api/notices/${notice.id}`), 404, 'NOT_FOUND');
    expectError(await patch(notice.id, { title: 'x' }), 404, 'NOT_FOUND');
    expectError(
      await t.call('DELETE', `/admin/api/notices/${notice.id}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when the notice is bad (blank, too long, invisible, unknown field), it is 400 and nothing is written', async () => {
    const notice = (await write({ title: '제목', body: '본문' })).json<NoticeOut>();
    const before = await noticeCount();
    for (const body of [
      { title: '', body: 'b' },
      { title: '   ', body: 'b' },
      { title: 'x'.repeat(201), body: 'b' },
      { title: 't', body: '' },
      { title: 't', body: ' \n ' },
      { title: 't', body: 'x'.repeat(20_001) },
      { title: 't', body: '😀'.repeat(20_000) },
      { title: 't', body: 'b', departmentId: 1 },
      { title: 't', body: 'b', pinned: 'yes' },
      { title: 't' },
    ]) {
      expectError(await write(body), 400, 'VALIDATION_FAILED');
    }
    expectError(await write({ title: 'a\u0007b', body: 'b' }), 400, 'INVALID_TEXT');
    expectError(await write({ title: '\u200b', body: 'b' }), 400, 'INVALID_TEXT');
    expect(await noticeCount()).toBe(before);
    for (const body of [{}, { title: ' ' }, { body: '' }, { pinned: 1 }]) {
      expectError(await patch(notice.id, body), 400, 'VALIDATION_FAILED');
    }
    expect((await t.call('GET', `/student/api/notices/${notice.id}`)).json()).toEqual(notice);
  });

  it('when a student or nobody tries to write, edit or delete, it is 403 or 401 and nothing changes', async () => {
    const notice = (await write({ title: 't', body: 'b' })).json<NoticeOut>();
    const d = await createDepartment(t);
    const student = await insertStudent(t, d.id);
    const token = await t.tokenFor('student', student.id);
    const before = await noticeCount();
    expectError(
      await t.call('POST', '/admin/api/notices', { token, body: { title: 't', body: 'b' } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await t.call('PATCH', `/admin/api/notices/${notice.id}`, { token, body: { title: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectError(await t.call('DELETE', `/admin/api/notices/${notice.id}`, { token }), 403, 'FORBIDDEN');
    expectError(
      await t.call('POST', '/admin/api/notices', { body: { title: 't', body: 'b' } }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await noticeCount()).toBe(before);
    expect((await t.call('GET', `/student/api/notices/${notice.id}`, { token })).json()).toEqual(notice);
  });
});
