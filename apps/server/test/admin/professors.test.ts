import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  auditActions,
  countRows,
  createDepartment,
  createProfessor,
  createSection,
  createSubject,
  enroll,
  expectError,
  insertStudent,
} from './fixtures.js';

describe.each(testDatabaseKinds())('admin professors on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  it('when a professor is created, the row and an audit entry exist and the list shows them', async () => {
    const d = await createDepartment(t);
    const res = await t.call('POST', '/admin/api/professors', {
      token: t.adminToken,
      body: { departmentId: d.id, name: '  김교수  ' },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: number }>();
    const row = await t.karina.db
      .selectFrom('professors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toMatchObject({ department_id: d.id, name: '김교수' });
    expect(await auditActions(t, `professor:${id}`)).toEqual(['professor.create']);
    const list = await t.call('GET', `/admin/api/professors?departmentId=${d.id}`, { token: t.adminToken });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      { id, name: '김교수', department: { id: d.id, code: d.code, name: d.name }, sectionCount: 0 },
    ]);
  });

  it('when listed without a filter, professors of every department come back', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const pa = await createProfessor(t, a.id);
    const pb = await createProfessor(t, b.id);
    const res = await t.call('GET', '/admin/api/professors', { token: t.adminToken });
    const ids = res.json<{ id: number }[]>().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([pa, pb]));
    expect(ids.length).toBe(await countRows(t, 'professors'));
  });

  it('when the department is unknown or the body is bad, nothing is written', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'professors');
    expectError(
      await t.call('POST', '/admin/api/professors', {
        token: t.adminToken,
        body: { departmentId: 999999, name: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
    for (const body of [
      { departmentId: d.id, name: 'x', extra: true },
      { departmentId: d.id, name: 'x'.repeat(101) },
      { departmentId: d.id, name: '' },
      { departmentId: 'abc', name: 'x' },
      { name: 'x' },
    ]) {
      expectError(
        await t.call('POST', '/admin/api/professors', { token: t.adminToken, body }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect(await countRows(t, 'professors')).toBe(before);
  });

  it('when patched, the name and department change; an unknown department or professor is 404', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const id = await createProfessor(t, a.id);
    const res = await t.call('PATCH', `/admin/api/professors/${id}`, {
      token: t.adminToken,
      body: { name: '이교수', departmentId: b.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: '이교수', department: { id: b.id } });
    expectError(
      await t.call('PATCH', `/admin/api/professors/${id}`, {
        token: t.adminToken,
        body: { departmentId: 999999 },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await t.call('PATCH', '/admin/api/professors/999999', { token: t.adminToken, body: { name: 'x' } }),
      404,
      'NOT_FOUND',
    );
    const row = await t.karina.db
      .selectFrom('professors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toMatchObject({ name: '이교수', department_id: b.id });
  });

  it('when a professor with sections is deleted, the sections stay with no professor and nobody is dropped', async () => {
    const d = await createDepartment(t);
    const p = await createProfessor(t, d.id);
    const subject = await createSubject(t, d.id);
    const sectionId = await createSection(t, subject.id, { professorId: p });
    const s = await insertStudent(t, d.id);
    await enroll(t, s.id, sectionId);
    const res = await t.call('DELETE', `/admin/api/professors/${p}`, { token: t.adminToken });
    expect(res.statusCode).toBe(204);
    expect(
      await t.karina.db.selectFrom('professors').select('id').where('id', '=', p).executeTakeFirst(),
    ).toBeUndefined();
    const section = await t.karina.db
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', sectionId)
      .executeTakeFirst();
    expect(section).toMatchObject({ professor_id: null, taken: 1 });
    const enrollment = await t.karina.db
      .selectFrom('enrollments')
      .select('id')
      .where('section_id', '=', sectionId)
      .execute();
    expect(enrollment).toHaveLength(1);
    const view = await t.call('GET', `/admin/api/sections/${sectionId}`, { token: t.adminToken });
    expect(view.json()).toMatchObject({ professor: null, enrolled: 1 });
    expect(await auditActions(t, `professor:${p}`)).toEqual(['professor.create', 'professor.delete']);
    expectError(
      await t.call('DELETE', `/admin/api/professors/${p}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when the query has an unknown parameter, the answer is 400', async () => {
    expectError(
      await t.call('GET', '/admin/api/professors?dept=1', { token: t.adminToken }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
