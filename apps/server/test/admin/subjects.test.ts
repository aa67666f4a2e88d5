import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  auditActions,
  countRows,
  createDepartment,
  createSection,
  createSubject,
  enroll,
  expectError,
  insertStudent,
} from './fixtures.js';

describe.each(testDatabaseKinds())('admin subjects on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const post = (body: Record<string, unknown>) =>
    t.call('POST', '/admin/api/subjects', { token: t.adminToken, body });

  it('when no code is given, C + department code + sequence is issued and the row and audit entry exist', async () => {
    const d = await createDepartment(t);
    const res = await post({
      departmentId: d.id,
      name: '자료구조',
      credits: 3,
      type: 'major_required',
      targetYear: 2,
      description: '스택, 큐, 트리',
    });
    expect(res.statusCode).toBe(201);
    const { id, code } = res.json<{ id: number; code: string }>();
    expect(code).toBe(`C${d.code}0001`);
    const row = await t.karina.db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
    expect(row).toMatchObject({
      code,
      name: '자료구조',
      department_id: d.id,
      credits: 3,
      type: 'major_required',
      target_year: 2,
      description: '스택, 큐, 트리',
    });
    expect(await auditActions(t, `subject:${id}`)).toEqual(['subject.create']);
    const second = await createSubject(t, d.id);
    expect(second.code).toBe(`C${d.code}0002`);
  });

  it('when an explicit code is given it is used; the code of a deleted subject is refused with 409 DUPLICATE', async () => {
    const d = await createDepartment(t);
    const code = `X-${process.pid % 10000}`;
    const created = await createSubject(t, d.id, { code });
    expect(created.code).toBe(code);
    expectError(
      await post({ departmentId: d.id, name: 'dup', credits: 3, type: 'general', code }),
      409,
      'DUPLICATE',
    );
    expect(
      (await t.call('DELETE', `/admin/api/subjects/${created.id}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    const before = await countRows(t, 'subjects');
    const reuse = await post({ departmentId: d.id, name: 'again', credits: 3, type: 'general', code });
    expectError(reuse, 409, 'DUPLICATE');
    expect(await countRows(t, 'subjects')).toBe(before);
  });

  it('when the body is bad or the department unknown, the answer is 4xx and nothing is written', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'subjects');
    const good = { departmentId: d.id, name: 'x', credits: 3, type: 'general' };
    expectError(await post({ ...good, departmentId: 999999 }), 404, 'NOT_FOUND');
    for (const body of [
      { ...good, credits: 0 },
      { ...good, credits: 7 },
      { ...good, type: 'elective' },
      { ...good, targetYear: 5 },
      { ...good, code: 'lower' },
      { ...good, code: 'A' },
      { ...good, code: 'A'.repeat(17) },
      { ...good, name: 'x'.repeat(101) },
      { ...good, description: 'x'.repeat(2001) },
      { ...good, extra: 1 },
    ]) {
      expectError(await post(body), 400, 'VALIDATION_FAILED');
    }
    expect(await countRows(t, 'subjects')).toBe(before);
  });

  it('when listed by department, only that department’s subjects come back with their section counts', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const s1 = await createSubject(t, a.id);
    await createSection(t, s1.id);
    await createSection(t, s1.id);
    await createSubject(t, b.id);
    const res = await t.call('GET', `/admin/api/subjects?departmentId=${a.id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        id: s1.id,
        code: s1.code,
        department: { id: a.id, code: a.code, name: a.name },
        sectionCount: 2,
      }),
    ]);
    const all = await t.call('GET', '/admin/api/subjects', { token: t.adminToken });
    expect(all.json<unknown[]>().length).toBe(await countRows(t, 'subjects'));
  });

  it('when patched, name, description, target year, type and credits change', async () => {
    const d = await createDepartment(t);
    const s = await createSubject(t, d.id, { targetYear: 1, description: 'old' });
    const res = await t.call('PATCH', `/admin/api/subjects/${s.id}`, {
      token: t.adminToken,
      body: { name: '새 이름', description: null, targetYear: null, type: 'general', credits: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '새 이름',
      description: null,
      targetYear: null,
      type: 'general',
      credits: 2,
      code: s.code,
    });
    const row = await t.karina.db
      .selectFrom('subjects')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirst();
    expect(row).toMatchObject({
      name: '새 이름',
      description: null,
      target_year: null,
      type: 'general',
      credits: 2,
    });
    expectError(
      await t.call('PATCH', `/admin/api/subjects/${s.id}`, { token: t.adminToken, body: { code: 'NEW-1' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.call('PATCH', '/admin/api/subjects/999999', { token: t.adminToken, body: { name: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });

  it('when someone is enrolled, credits cannot change (409 CREDITS_LOCKED) but other fields can', async () => {
    const d = await createDepartment(t);
    const s = await createSubject(t, d.id, { credits: 3 });
    const section = await createSection(t, s.id);
    const st = await insertStudent(t, d.id);
    await enroll(t, st.id, section);
    const patch = (body: unknown) =>
      t.call('PATCH', `/admin/api/subjects/${s.id}`, { token: t.adminToken, body });
    expectError(await patch({ credits: 4, name: 'ignored' }), 409, 'CREDITS_LOCKED');
    const row = await t.karina.db
      .selectFrom('subjects')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row.credits).toBe(3);
    expect(row.name).not.toBe('ignored');
    expect((await patch({ credits: 3, name: '같은 학점' })).statusCode).toBe(200);
    expect((await patch({ description: 'ok' })).json()).toMatchObject({ description: 'ok', credits: 3 });
  });

  it('when a subject is deleted, its sections, meetings and enrollments go with it', async () => {
    const d = await createDepartment(t);
    const s = await createSubject(t, d.id);
    const section = await createSection(t, s.id);
    const st = await insertStudent(t, d.id);
    await enroll(t, st.id, section);
    const res = await t.call('DELETE', `/admin/api/subjects/${s.id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(204);
    expect(
      await t.karina.db.selectFrom('subjects').select('id').where('id', '=', s.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.karina.db.selectFrom('sections').select('id').where('subject_id', '=', s.id).execute(),
    ).toHaveLength(0);
    expect(
      await t.karina.db
        .selectFrom('section_meetings')
        .select('id')
        .where('section_id', '=', section)
        .execute(),
    ).toHaveLength(0);
    expect(
      await t.karina.db.selectFrom('enrollments').select('id').where('student_id', '=', st.id).execute(),
    ).toHaveLength(0);
    expect(await auditActions(t, `subject:${s.id}`)).toEqual(['subject.create', 'subject.delete']);
    expectError(
      await t.call('DELETE', `/admin/api/subjects/${s.id}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });
});
