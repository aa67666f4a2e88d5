import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { auditActions, countRows, createDepartment, expectError } from './fixtures.js';

interface PostOut {
  id: number;
  title: string;
  body: string;
  department: { id: number };
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
}

describe.each(testDatabaseKinds())('department notice boards on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const write = (departmentId: number, body: Record<string, unknown>) =>
    t.call('POST', `/admin/api/departments/${departmentId}/posts`, { token: t.adminToken, body });

  it('when an admin writes a post, it is stored with its author and time and anyone can read it', async () => {
    const d = await createDepartment(t);
    const res = await write(d.id, { title: '수강신청 안내', body: '2월 16일 10시에 시작합니다.' });
    expect(res.statusCode).toBe(201);
    const post = res.json<PostOut>();
    expect(post).toMatchObject({
      title: '수강신청 안내',
      body: '2월 16일 10시에 시작합니다.',
      department: { id: d.id, code: d.code, name: d.name },
      authorName: '학사 관리자',
      createdAt: new Date(t.clock.now()).toISOString(),
    });
    const row = await t.karina.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ department_id: d.id, title: '수강신청 안내', created_at: t.clock.now() });
    expect(row.author_admin_id).not.toBeNull();
    expect(await auditActions(t, `post:${post.id}`)).toEqual(['post.create']);
    const read = await t.call('GET', `/student/api/posts/${post.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(post);
  });

  it('when a board is listed, posts come newest first with a total and pages, without logging in', async () => {
    const d = await createDepartment(t);
    const other = await createDepartment(t);
    const ids: number[] = [];
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(1000);
      ids.push((await write(d.id, { title: `공지 ${i}`, body: 'b' })).json<PostOut>().id);
    }
    await write(other.id, { title: '다른 학과', body: 'b' });
    const res = await t.call('GET', `/student/api/departments/${d.id}/posts`);
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: PostOut[]; total: number }>();
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.id)).toEqual([...ids].reverse());
    const second = await t.call('GET', `/student/api/departments/${d.id}/posts?page=2&pageSize=2`);
    expect(second.json<{ items: PostOut[]; total: number }>()).toMatchObject({
      total: 3,
      items: [{ id: ids[0] }],
    });
    const empty = await t.call('GET', `/student/api/departments/${other.id}/posts?page=5`);
    expect(empty.json()).toEqual({ items: [], total: 1 });
  });

  it('when the department or post is unknown, it is 404', async () => {
    expectError(await t.call('GET', '/student/api/departments/999999/posts'), 404, 'NOT_FOUND');
    expectError(await t.call('GET', '/student/api/posts/999999'), 404, 'NOT_FOUND');
    expectError(await write(999999, { title: 't', body: 'b' }), 404, 'NOT_FOUND');
  });

  it('when the post is bad (empty, too long, unknown field), it is 400 and nothing is written', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'posts');
    for (const body of [
      { title: '', body: 'b' },
      { title: '   ', body: 'b' },
      { title: 'x'.repeat(201), body: 'b' },
      { title: 't', body: '' },
      { title: 't', body: 'x'.repeat(20_001) },
      { title: 't', body: '😀'.repeat(20_000) },
      { title: 't', body: 'b', pinned: true },
      { title: 't' },
    ]) {
      expectError(await write(d.id, body), 400, 'VALIDATION_FAILED');
    }
    expect(await countRows(t, 'posts')).toBe(before);
  });

  it('when a post is edited, title/body and updatedAt change; deleting removes it', async () => {
    const d = await createDepartment(t);
    const post = (await write(d.id, { title: '원래 제목', body: '원래 본문' })).json<PostOut>();
    t.clock.advance(60_000);
    const res = await t.call('PATCH', `/admin/api/posts/${post.id}`, {
      token: t.adminToken,
      body: { title: '고친 제목' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '고친 제목',
      body: '원래 본문',
      createdAt: post.createdAt,
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    expectError(
      await t.call('PATCH', `/admin/api/posts/${post.id}`, {
        token: t.adminToken,
        body: { body: 'x'.repeat(20_001) },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.call('PATCH', '/admin/api/posts/999999', { token: t.adminToken, body: { title: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expect((await t.call('DELETE', `/admin/api/posts/${post.id}`, { token: t.adminToken })).statusCode).toBe(
      204,
    );
    expect(
      await t.karina.db.selectFrom('posts').select('id').where('id', '=', post.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await auditActions(t, `post:${post.id}`)).toEqual(['post.create', 'post.update', 'post.delete']);
    expectError(
      await t.call('DELETE', `/admin/api/posts/${post.id}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when a student tries to write or delete, it is 403 and nothing changes', async () => {
    const d = await createDepartment(t);
    const post = (await write(d.id, { title: 't', body: 'b' })).json<PostOut>();
    const student = await t.karina.db
      .insertInto('students')
      .values({
        student_no: `P${String(process.pid % 1_000_000).padStart(6, '0')}`,
        name: 's',
        department_id: d.id,
        entry_year: 2026,
        year: 1,
        password_hash: 'x',
        must_change_password: 0,
        created_at: t.clock.now(),
      })
      .executeTakeFirst();
    const token = await t.tokenFor('student', Number(student.insertId));
    expectError(await t.call('DELETE', `/admin/api/posts/${post.id}`, { token }), 403, 'FORBIDDEN');
    expectError(
      await t.call('PATCH', `/admin/api/posts/${post.id}`, { token, body: { title: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expect((await t.call('GET', `/student/api/posts/${post.id}`, { token })).json()).toMatchObject({
      title: 't',
    });
  });
});
