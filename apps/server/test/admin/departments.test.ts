import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { auditActions, countRows, createDepartment, expectError, insertStudent, unique } from './fixtures.js';

describe.each(testDatabaseKinds())('admin departments on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  it('when a department is created without a code, it gets the next two-digit code and an audit row', async () => {
    const deptName = unique('컴퓨터공학과');
    const res = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: deptName },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: number; code: string; name: string }>();
    expect(body).toEqual({
      id: expect.any(Number) as number,
      code: expect.stringMatching(/^[0-9]{2}$/) as string,
      name: deptName,
    });
    const row = await t.karina.db
      .selectFrom('departments')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirst();
    expect(row).toMatchObject({ code: body.code, name: deptName });
    expect(await auditActions(t, `department:${body.id}`)).toEqual(['department.create']);
  });

  it('when a code is given, it is used; a code issued before (even of a deleted department) is 409 DUPLICATE', async () => {
    const created = await createDepartment(t, unique('물리학과'), '77');
    expect(created.code).toBe('77');
    expect(
      (await t.call('DELETE', `/admin/api/departments/${created.id}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    const before = await countRows(t, 'departments');
    const again = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: unique('새학과'), code: '77' },
    });
    expectError(again, 409, 'DUPLICATE');
    expect(await countRows(t, 'departments')).toBe(before);
  });

  it('when generated codes are issued, an explicitly claimed code is skipped', async () => {
    const a = await createDepartment(t);
    const next = String(Number(a.code) + 1).padStart(2, '0');
    await createDepartment(t, unique('선점'), next);
    const b = await createDepartment(t);
    expect(b.code).not.toBe(next);
    expect(Number(b.code)).toBeGreaterThan(Number(next));
  });

  it('when the name is taken, create and rename answer 409 DUPLICATE and nothing changes', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const before = await countRows(t, 'departments');
    expectError(
      await t.call('POST', '/admin/api/departments', { token: t.adminToken, body: { name: a.name } }),
      409,
      'DUPLICATE',
    );
    expect(await countRows(t, 'departments')).toBe(before);
    expectError(
      await t.call('PATCH', `/admin/api/departments/${b.id}`, {
        token: t.adminToken,
        body: { name: a.name },
      }),
      409,
      'DUPLICATE',
    );
    const row = await t.karina.db
      .selectFrom('departments')
      .select('name')
      .where('id', '=', b.id)
      .executeTakeFirst();
    expect(row?.name).toBe(b.name);
  });

  it('when names differ only in case or accents, both databases treat them alike (binary collation)', async () => {
    for (const name of ['Physics학과', 'physics학과', 'Café학과', 'Cafe학과']) {
      const res = await t.call('POST', '/admin/api/departments', { token: t.adminToken, body: { name } });
      expect(res.statusCode, name).toBe(201);
    }
  });

  it('when the body is bad (unknown field, long name, bad code, blank name), the answer is 400 and nothing is written', async () => {
    const before = await countRows(t, 'departments');
    for (const body of [
      { name: unique('x'), extra: 1 },
      { name: 'x'.repeat(101) },
      { name: unique('x'), code: '7' },
      { name: unique('x'), code: 'AB' },
      { name: '   ' },
      {},
    ]) {
      const res = await t.call('POST', '/admin/api/departments', { token: t.adminToken, body });
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    expect(await countRows(t, 'departments')).toBe(before);
  });

  it('when renamed, the name changes and the code stays', async () => {
    const a = await createDepartment(t);
    const newName = unique('개명');
    const res = await t.call('PATCH', `/admin/api/departments/${a.id}`, {
      token: t.adminToken,
      body: { name: newName },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: a.id, code: a.code, name: newName });
    expect(await auditActions(t, `department:${a.id}`)).toEqual(['department.create', 'department.update']);
  });

  it('when the id is unknown, rename and delete answer 404 NOT_FOUND', async () => {
    expectError(
      await t.call('PATCH', '/admin/api/departments/999999', {
        token: t.adminToken,
        body: { name: unique('x') },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await t.call('DELETE', '/admin/api/departments/999999', { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when students belong to it, delete is 409 DEPARTMENT_NOT_EMPTY; after moving them it succeeds', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const s = await insertStudent(t, a.id);
    expectError(
      await t.call('DELETE', `/admin/api/departments/${a.id}`, { token: t.adminToken }),
      409,
      'DEPARTMENT_NOT_EMPTY',
    );
    expect(
      await t.karina.db.selectFrom('departments').select('id').where('id', '=', a.id).executeTakeFirst(),
    ).toBeDefined();
    const moved = await t.call('PATCH', `/admin/api/students/${s.id}`, {
      token: t.adminToken,
      body: { departmentId: b.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await t.call('DELETE', `/admin/api/departments/${a.id}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    expect(
      await t.karina.db.selectFrom('departments').select('id').where('id', '=', a.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await auditActions(t, `department:${a.id}`)).toEqual(['department.create', 'department.delete']);
  });

  it('when listed, admins and anonymous visitors get every department sorted by code', async () => {
    await createDepartment(t, unique('가'), '98');
    await createDepartment(t, unique('나'), '90');
    const pub = await t.call('GET', '/student/api/departments');
    expect(pub.statusCode).toBe(200);
    const items = pub.json<{ id: number; code: string; name: string }[]>();
    expect(items.map((d) => d.code)).toEqual([...items.map((d) => d.code)].sort());
    expect(items.length).toBe(await countRows(t, 'departments'));
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['code', 'id', 'name']);
    const admin = await t.call('GET', '/admin/api/departments', { token: t.adminToken });
    expect(admin.json()).toEqual(items);
  });

  it('when a student or nobody calls the admin API, it is 403 / 401 and nothing is written', async () => {
    const a = await createDepartment(t);
    const s = await insertStudent(t, a.id);
    const studentToken = await t.tokenFor('student', s.id);
    const before = await countRows(t, 'departments');
    const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown][] = [
      ['GET', '/admin/api/departments', undefined],
      ['POST', '/admin/api/departments', { name: unique('x') }],
      ['PATCH', `/admin/api/departments/${a.id}`, { name: unique('x') }],
      ['DELETE', `/admin/api/departments/${a.id}`, undefined],
      ['GET', '/admin/api/professors', undefined],
      ['GET', '/admin/api/students', undefined],
      ['POST', '/admin/api/students', { departmentId: a.id, name: 'x', entryYear: 2025, year: 1 }],
      ['DELETE', `/admin/api/students/${s.id}`, undefined],
      ['GET', '/admin/api/subjects', undefined],
      ['GET', '/admin/api/sections', undefined],
      ['GET', '/admin/api/periods', undefined],
      ['POST', `/admin/api/departments/${a.id}/posts`, { title: 't', body: 'b' }],
      ['GET', '/admin/api/audit', undefined],
    ];
    for (const [method, url, body] of routes) {
      expectError(await t.call(method, url, { body }), 401, 'UNAUTHENTICATED');
      expectError(await t.call(method, url, { body, token: studentToken }), 403, 'FORBIDDEN');
    }
    expect(await countRows(t, 'departments')).toBe(before);
    expect(
      await t.karina.db.selectFrom('students').select('id').where('id', '=', s.id).executeTakeFirst(),
    ).toBeDefined();
  });
});
