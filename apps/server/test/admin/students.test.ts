import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/platform/passwords.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  addToCart,
  addToWaitlist,
  auditActions,
  countRows,
  createDepartment,
  createSection,
  createSubject,
  enroll,
  expectError,
  insertStudent,
  sectionTaken,
} from './fixtures.js';

interface Created {
  id: number;
  studentNo: string;
  initialPassword?: string;
}

describe.each(testDatabaseKinds())('admin students on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const create = (body: Record<string, unknown>) =>
    t.call('POST', '/admin/api/students', { token: t.adminToken, body });

  it('when no password is given, one is generated, returned once, stored only as a hash and must be changed', async () => {
    const d = await createDepartment(t);
    const res = await create({
      departmentId: d.id,
      name: '홍길동',
      entryYear: 2026,
      year: 1,
      tel: '010-1234-5678',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<Created>();
    expect(body.studentNo).toBe(`26${d.code}001`);
    expect(body.initialPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const row = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      student_no: body.studentNo,
      name: '홍길동',
      department_id: d.id,
      entry_year: 2026,
      year: 1,
      tel: '010-1234-5678',
      must_change_password: 1,
    });
    expect(row.password_hash).not.toContain(body.initialPassword);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(row.password_hash, body.initialPassword ?? '')).toBe(true);
    expect(await auditActions(t, `student:${body.id}`)).toEqual(['student.create']);
    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: body.studentNo, password: body.initialPassword },
    });
    expect(login.json()).toMatchObject({ user: { role: 'student', mustChangePassword: true } });
  });

  it('when a password is given, it is used, not echoed, and mustChangePassword can be turned off', async () => {
    const d = await createDepartment(t);
    const res = await create({
      departmentId: d.id,
      name: '김학생',
      entryYear: 2025,
      year: 2,
      password: 'given-pass-2025',
      mustChangePassword: false,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<Created>();
    expect(body).toEqual({ id: body.id, studentNo: `25${d.code}001` });
    const row = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(0);
    expect(await verifyPassword(row.password_hash, 'given-pass-2025')).toBe(true);
  });

  it('when the given password is weak or contains the new 학번, it is 400 WEAK_PASSWORD and the number is not used up', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'students');
    expectError(
      await create({ departmentId: d.id, name: 'a', entryYear: 2026, year: 1, password: 'short1' }),
      400,
      'WEAK_PASSWORD',
    );
    expectError(
      await create({
        departmentId: d.id,
        name: 'a',
        entryYear: 2026,
        year: 1,
        password: `pw26${d.code}001xyz`,
      }),
      400,
      'WEAK_PASSWORD',
    );
    expect(await countRows(t, 'students')).toBe(before);
    const ok = await create({ departmentId: d.id, name: 'a', entryYear: 2026, year: 1 });
    expect(ok.json<Created>().studentNo).toBe(`26${d.code}001`);
  });

  it('when the department is unknown or the body is bad, the answer is 4xx and nothing is written', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'students');
    const audits = await countRows(t, 'audit_log');
    expectError(
      await create({ departmentId: 999999, name: 'a', entryYear: 2026, year: 1 }),
      404,
      'NOT_FOUND',
    );
    const good = { departmentId: d.id, name: 'a', entryYear: 2026, year: 1 };
    for (const body of [
      { ...good, extra: 1 },
      { ...good, year: 0 },
      { ...good, year: 5 },
      { ...good, entryYear: 'x' },
      { ...good, entryYear: 1800 },
      { ...good, name: 'x'.repeat(101) },
      { ...good, name: ' ' },
      { ...good, email: 'not-an-email' },
      { ...good, birthDate: '2004-02-30' },
      { ...good, birthDate: '20040101' },
      { ...good, tel: 'call me' },
      { ...good, password: 'x'.repeat(129) },
      { departmentId: d.id, name: 'a', year: 1 },
    ]) {
      expectError(await create(body), 400, 'VALIDATION_FAILED');
    }
    expect(await countRows(t, 'students')).toBe(before);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('when entryYear is outside 20 years back to next year (clock 2026), it is 400 naming 2006~2027 and nothing is written', async () => {
    const d = await createDepartment(t);
    const before = await countRows(t, 'students');
    const audits = await countRows(t, 'audit_log');
    for (const entryYear of [2099, 2028, 2005, 1999]) {
      const res = await create({ departmentId: d.id, name: 'a', entryYear, year: 1 });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/2006.*2027/);
    }
    expect(await countRows(t, 'students')).toBe(before);
    expect(await countRows(t, 'audit_log')).toBe(audits);

    const oldest = await create({ departmentId: d.id, name: 'a', entryYear: 2006, year: 4 });
    expect(oldest.statusCode).toBe(201);
    expect(oldest.json<Created>().studentNo).toBe(`06${d.code}001`);
    const newest = await create({ departmentId: d.id, name: 'b', entryYear: 2027, year: 1 });
    expect(newest.statusCode).toBe(201);
    expect(newest.json<Created>().studentNo).toBe(`27${d.code}001`);
    const rows = await t.karina.db
      .selectFrom('students')
      .select('entry_year')
      .where('department_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.entry_year)).toEqual([2006, 2027]);
  });

  it('when it is already New Year in Seoul but not in UTC, next year is the new year plus one', async () => {
    const d = await createDepartment(t);
    const saved = t.clock.now();
    try {
      t.clock.set(Date.UTC(2025, 11, 31, 14, 59, 59));
      const lateDecember = await create({ departmentId: d.id, name: 'a', entryYear: 2027, year: 1 });
      expectError(lateDecember, 400, 'VALIDATION_FAILED');
      expect(lateDecember.json<{ error: { message: string } }>().error.message).toMatch(/2005.*2026/);
      t.clock.set(Date.UTC(2025, 11, 31, 15, 0, 0));
      const newYear = await create({ departmentId: d.id, name: 'a', entryYear: 2027, year: 1 });
      expect(newYear.statusCode).toBe(201);
      expect(newYear.json<Created>().studentNo).toBe(`27${d.code}001`);
    } finally {
      t.clock.set(saved);
    }
  });

  it('when 50 students of one department and year are created at once, all 50 get distinct 학번 with the YY+DD prefix', async () => {
    const d = await createDepartment(t);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        create({
          departmentId: d.id,
          name: `동시${i}`,
          entryYear: 2027,
          year: 1,
          password: 'parallel-pass-1',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json<Created>().studentNo);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^27${d.code}[0-9]{3}$`));
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `27${d.code}${String(i + 1).padStart(3, '0')}`),
    );
    const rows = await t.karina.db
      .selectFrom('students')
      .select('student_no')
      .where('department_id', '=', d.id)
      .execute();
    expect(rows.map((r) => r.student_no).sort()).toEqual([...numbers].sort());
  });

  it('when the newest student is deleted, the next student never gets the old 학번', async () => {
    const d = await createDepartment(t);
    const first = (await create({ departmentId: d.id, name: 'a', entryYear: 2026, year: 1 })).json<Created>();
    const second = (
      await create({ departmentId: d.id, name: 'b', entryYear: 2026, year: 1 })
    ).json<Created>();
    expect(
      (await t.call('DELETE', `/admin/api/students/${second.id}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    const third = (await create({ departmentId: d.id, name: 'c', entryYear: 2026, year: 1 })).json<Created>();
    expect(third.studentNo).not.toBe(second.studentNo);
    expect(third.studentNo).not.toBe(first.studentNo);
    expect(third.studentNo).toBe(`26${d.code}003`);
  });

  it('when listed, filters, search and pages work and no password hash is ever returned', async () => {
    const d = await createDepartment(t);
    const other = await createDepartment(t);
    const mk = async (n: string, year: number, departmentId = d.id) =>
      (
        await create({ departmentId, name: n, entryYear: 2024, year, password: 'list-pass-123' })
      ).json<Created>();
    const a = await mk('박서준', 1);
    const b = await mk('박민지', 2);
    const c = await mk('최지우', 2);
    await mk('박서준', 1, other.id);
    const q = (qs: string) => t.call('GET', `/admin/api/students?${qs}`, { token: t.adminToken });

    const all = await q(`departmentId=${d.id}`);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 3 });
    expect(all.json<{ items: { id: number }[] }>().items.map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect(all.body).not.toMatch(/argon2|password_?hash/i);
    expect(all.json<{ items: Record<string, unknown>[] }>().items[0]).toMatchObject({
      id: a.id,
      studentNo: a.studentNo,
      name: '박서준',
      department: { id: d.id, code: d.code, name: d.name },
      entryYear: 2024,
      year: 1,
      mustChangePassword: true,
      address: { postcode: null, line1: null, line2: null },
    });

    expect((await q(`departmentId=${d.id}&year=2`)).json()).toMatchObject({ total: 2 });
    const byName = (await q(`departmentId=${d.id}&q=${encodeURIComponent('박')}`)).json<{ total: number }>();
    expect(byName.total).toBe(2);
    const byNo = (await q(`q=${c.studentNo}`)).json<{ items: { id: number }[]; total: number }>();
    expect(byNo).toMatchObject({ total: 1, items: [{ id: c.id }] });
    const wildcard = (await q(`departmentId=${d.id}&q=${encodeURIComponent('%')}`)).json<{ total: number }>();
    expect(wildcard.total).toBe(0);
    const page2 = (await q(`departmentId=${d.id}&page=2&pageSize=2`)).json<{
      items: { id: number }[];
      total: number;
    }>();
    expect(page2).toEqual({ total: 3, items: [expect.objectContaining({ id: c.id })] });
    expectError(await q('pageSize=1000'), 400, 'VALIDATION_FAILED');
    expectError(await q('page=0'), 400, 'VALIDATION_FAILED');
    expectError(await q('sort=name'), 400, 'VALIDATION_FAILED');
  });

  it('when one student is read, the profile comes back; an unknown id is 404', async () => {
    const d = await createDepartment(t);
    const s = await insertStudent(t, d.id, { year: 3 });
    const res = await t.call('GET', `/admin/api/students/${s.id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: s.id, studentNo: s.studentNo, year: 3, department: { id: d.id } });
    expect(res.body).not.toMatch(/argon2|hash/i);
    expectError(await t.call('GET', '/admin/api/students/999999', { token: t.adminToken }), 404, 'NOT_FOUND');
    expectError(
      await t.call('GET', '/admin/api/students/abc', { token: t.adminToken }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('when a student is moved to another department and edited, the 학번 stays and fields change', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const s = (await create({ departmentId: a.id, name: 'a', entryYear: 2026, year: 1 })).json<Created>();
    const res = await t.call('PATCH', `/admin/api/students/${s.id}`, {
      token: t.adminToken,
      body: {
        departmentId: b.id,
        name: '이동함',
        year: 2,
        email: 'moved@example.ac.kr',
        birthDate: '2006-03-01',
        address: { postcode: '12345', line1: '서울시' },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      studentNo: s.studentNo,
      name: '이동함',
      year: 2,
      department: { id: b.id },
      email: 'moved@example.ac.kr',
      birthDate: '2006-03-01',
      address: { postcode: '12345', line1: '서울시', line2: null },
    });
    const row = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ student_no: s.studentNo, department_id: b.id, year: 2, postcode: '12345' });
    const cleared = await t.call('PATCH', `/admin/api/students/${s.id}`, {
      token: t.adminToken,
      body: { email: null },
    });
    expect(cleared.json()).toMatchObject({ email: null });
    expect(await auditActions(t, `student:${s.id}`)).toEqual([
      'student.create',
      'student.update',
      'student.update',
    ]);
  });

  it('when a patch names an unknown department or student, or is malformed, nothing changes', async () => {
    const d = await createDepartment(t);
    const s = await insertStudent(t, d.id);
    const patch = (id: number, body: unknown) =>
      t.call('PATCH', `/admin/api/students/${id}`, { token: t.adminToken, body });
    expectError(await patch(s.id, { departmentId: 999999 }), 404, 'NOT_FOUND');
    expectError(await patch(999999, { name: 'x' }), 404, 'NOT_FOUND');
    expectError(await patch(s.id, { year: 9 }), 400, 'VALIDATION_FAILED');
    expectError(await patch(s.id, { studentNo: '1234567' }), 400, 'VALIDATION_FAILED');
    expectError(await patch(s.id, { birthDate: '2001-13-01' }), 400, 'VALIDATION_FAILED');
    expectError(await patch(s.id, { entryYear: 2020 }), 400, 'VALIDATION_FAILED');
    const row = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ department_id: d.id, year: 1, student_no: s.studentNo });
  });

  it('when a registrar enters a blank or too short phone number or a birth date in the future, it is refused as on the profile', async () => {
    const d = await createDepartment(t);
    const s = await insertStudent(t, d.id);
    const patch = (body: unknown) =>
      t.call('PATCH', `/admin/api/students/${s.id}`, { token: t.adminToken, body });
    expectError(await patch({ tel: '    ' }), 400, 'INVALID_TEL');
    expectError(await patch({ tel: '010-12' }), 400, 'INVALID_TEL');
    expectError(await patch({ birthDate: '2099-01-01' }), 400, 'INVALID_BIRTH_DATE');
    expectError(await patch({ birthDate: '1899-12-31' }), 400, 'INVALID_BIRTH_DATE');
    const created = await create({
      departmentId: d.id,
      name: '미래생',
      entryYear: 2026,
      year: 1,
      birthDate: '2099-01-01',
    });
    expectError(created, 400, 'INVALID_BIRTH_DATE');
    expect((await patch({ tel: '010-1234-5678', birthDate: '2005-03-01' })).statusCode).toBe(200);
    const row = await t.karina.db
      .selectFrom('students')
      .select(['tel', 'birth_date'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ tel: '010-1234-5678', birth_date: '2005-03-01' });
  });

  it('when a patch has no field at all, it is 400 and writes neither the student nor an audit entry', async () => {
    const d = await createDepartment(t);
    const s = await insertStudent(t, d.id);
    const audits = await countRows(t, 'audit_log');
    for (const body of [{}, { address: {} }]) {
      expectError(
        await t.call('PATCH', `/admin/api/students/${s.id}`, { token: t.adminToken, body }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect(await countRows(t, 'audit_log')).toBe(audits);
    expect(await auditActions(t, `student:${s.id}`)).toEqual([]);
    const ok = await t.call('PATCH', `/admin/api/students/${s.id}`, {
      token: t.adminToken,
      body: { address: { line2: '101호' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(await auditActions(t, `student:${s.id}`)).toEqual(['student.update']);
  });

  it('when a password is reset, a new one is returned once, must be changed, and the old sessions end', async () => {
    const d = await createDepartment(t);
    const s = await insertStudent(t, d.id);
    const token = await t.tokenFor('student', s.id);
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
    const res = await t.call('POST', `/admin/api/students/${s.id}/reset-password`, { token: t.adminToken });
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json<{ initialPassword: string }>();
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const row = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
    expect(await verifyPassword(row.password_hash, initialPassword)).toBe(true);
    expectError(await t.call('GET', '/student/api/me', { token }), 401, 'UNAUTHENTICATED');
    const sessions = await t.karina.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('student_id', '=', s.id)
      .execute();
    expect(sessions).toHaveLength(0);
    expect(await auditActions(t, `student:${s.id}`)).toEqual(['student.reset_password']);
    expectError(
      await t.call('POST', '/admin/api/students/999999/reset-password', { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when a student is deleted, their rows and sessions go, seats come back and the token stops working', async () => {
    const d = await createDepartment(t);
    const subject = await createSubject(t, d.id);
    const other = await createSubject(t, d.id);
    const enrolled = await createSection(t, subject.id, { capacity: 2 });
    const full = await createSection(t, other.id, { capacity: 1 });
    const s = await insertStudent(t, d.id);
    const classmate = await insertStudent(t, d.id);
    await enroll(t, s.id, enrolled);
    await enroll(t, classmate.id, enrolled);
    await enroll(t, classmate.id, full);
    await addToWaitlist(t, s.id, full);
    await addToCart(t, s.id, full);
    const token = await t.tokenFor('student', s.id);

    const res = await t.call('DELETE', `/admin/api/students/${s.id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(204);
    expect(
      await t.karina.db.selectFrom('students').select('id').where('id', '=', s.id).executeTakeFirst(),
    ).toBeUndefined();
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries', 'sessions'] as const) {
      const rows = await t.karina.db
        .selectFrom(table)
        .select('student_id')
        .where('student_id', '=', s.id)
        .execute();
      expect(rows, table).toHaveLength(0);
    }
    expect(await sectionTaken(t, enrolled)).toBe(1);
    expect(await sectionTaken(t, full)).toBe(1);
    const classmateRows = await t.karina.db
      .selectFrom('enrollments')
      .select('section_id')
      .where('student_id', '=', classmate.id)
      .execute();
    expect(classmateRows).toHaveLength(2);
    expectError(await t.call('GET', '/student/api/me', { token }), 401, 'UNAUTHENTICATED');
    expect(await auditActions(t, `student:${s.id}`)).toContain('student.delete');
    expectError(
      await t.call('DELETE', `/admin/api/students/${s.id}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });
});
