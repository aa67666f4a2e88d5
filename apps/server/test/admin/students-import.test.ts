import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/platform/passwords.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { countRows, createDepartment, expectError } from './fixtures.js';

interface ImportResult {
  created: number;
  rows: { row: number; id: number; studentNo: string; initialPassword: string }[];
}

describe.each(testDatabaseKinds())('admin student CSV import on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const upload = (csv: string, contentType = 'text/csv') =>
    t.call('POST', '/admin/api/students/import', {
      token: t.adminToken,
      body: csv,
      headers: { 'content-type': contentType },
    });

  it('when every row is valid, all are created in order with 학번, one-time passwords and audit rows', async () => {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const csv = [
      'name,departmentCode,entryYear,year,tel,email,birthDate',
      `김하나,${a.code},2026,1,010-1111-2222,hana@example.ac.kr,2007-01-02`,
      `"이, 둘",${b.code},2026,2,,,`,
      `박셋,${a.code},2025,3,,,`,
    ].join('\n');
    const res = await upload(csv);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ImportResult>();
    expect(body.created).toBe(3);
    expect(body.rows.map((r) => [r.row, r.studentNo])).toEqual([
      [2, `26${a.code}001`],
      [3, `26${b.code}001`],
      [4, `25${a.code}001`],
    ]);
    const first = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', body.rows[0]?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(first).toMatchObject({
      name: '김하나',
      department_id: a.id,
      year: 1,
      tel: '010-1111-2222',
      email: 'hana@example.ac.kr',
      birth_date: '2007-01-02',
      must_change_password: 1,
    });
    expect(await verifyPassword(first.password_hash, body.rows[0]?.initialPassword ?? '')).toBe(true);
    const second = await t.karina.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', body.rows[1]?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(second).toMatchObject({
      name: '이, 둘',
      department_id: b.id,
      tel: null,
      email: null,
      birth_date: null,
    });
    const audits = await t.karina.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['student.create', 'student.import'])
      .execute();
    expect(audits.filter((x) => x.action === 'student.import')).toHaveLength(1);
    expect(audits.filter((x) => x.action === 'student.create').length).toBeGreaterThanOrEqual(3);
  });

  it('when the optional columns are left out, the file is accepted', async () => {
    const a = await createDepartment(t);
    const res = await upload(`\uFEFFyear,name,entryYear,departmentCode\r\n1,최넷,2026,${a.code}\r\n`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ImportResult>().rows).toEqual([
      {
        row: 2,
        id: expect.any(Number) as number,
        studentNo: `26${a.code}001`,
        initialPassword: expect.any(String) as string,
      },
    ]);
  });

  it('when one row is bad, nothing at all is written and every bad row is listed with its problems', async () => {
    const a = await createDepartment(t);
    const students = await countRows(t, 'students');
    const audits = await countRows(t, 'audit_log');
    const csv = [
      'name,departmentCode,entryYear,year,tel,email,birthDate',
      `좋은행,${a.code},2026,1,,,`,
      `,${a.code},2026,5,,nope,2007-02-30`,
      `좋은행2,${a.code},2026,1,,,`,
      'x,00,abcd,1,,,',
      `짧은행,${a.code}`,
    ].join('\n');
    const res = await upload(csv);
    expectError(res, 400, 'VALIDATION_FAILED');
    const rows = res.json<{ error: { details: { rows: { row: number; errors: string[] }[] } } }>().error
      .details.rows;
    expect(rows.map((r) => r.row)).toEqual([3, 5, 6]);
    expect(rows[0]?.errors.join(' ')).toMatch(/name/);
    expect(rows[0]?.errors.join(' ')).toMatch(/year/);
    expect(rows[0]?.errors.join(' ')).toMatch(/email/);
    expect(rows[0]?.errors.join(' ')).toMatch(/birthDate/);
    expect(rows[1]?.errors.join(' ')).toMatch(/departmentCode.*00/);
    expect(rows[1]?.errors.join(' ')).toMatch(/entryYear/);
    expect(rows[2]?.errors.join(' ')).toMatch(/columns/);
    expect(await countRows(t, 'students')).toBe(students);
    expect(await countRows(t, 'audit_log')).toBe(audits);
    const ok = await upload(`name,departmentCode,entryYear,year\n다음,${a.code},2026,1`);
    expect(ok.json<ImportResult>().rows[0]?.studentNo).toBe(`26${a.code}001`);
  });

  it('when a row has a phone number too short to dial or a birth date after today, the file is refused naming those rows', async () => {
    const a = await createDepartment(t);
    const students = await countRows(t, 'students');
    const csv = [
      'name,departmentCode,entryYear,year,tel,email,birthDate',
      `전화,${a.code},2026,1,010-12,,`,
      `미래,${a.code},2026,1,,,2099-01-01`,
      `정상,${a.code},2026,1,010-1234-5678,,2007-03-01`,
    ].join('\n');
    const res = await upload(csv);
    expectError(res, 400, 'VALIDATION_FAILED');
    const rows = res.json<{ error: { details: { rows: { row: number; errors: string[] }[] } } }>().error
      .details.rows;
    expect(rows.map((r) => [r.row, r.errors.join(' ')])).toEqual([
      [2, expect.stringMatching(/^tel:/)],
      [3, expect.stringMatching(/^birthDate:.*today/)],
    ]);
    expect(await countRows(t, 'students')).toBe(students);
  });

  it('when rows have an entryYear outside 2006~2027 (clock 2026), nothing is written and each such row names the range', async () => {
    const a = await createDepartment(t);
    const students = await countRows(t, 'students');
    const audits = await countRows(t, 'audit_log');
    const res = await upload(
      [
        'name,departmentCode,entryYear,year',
        `범위안,${a.code},2026,1`,
        `먼미래,${a.code},2099,1`,
        `지난세기,${a.code},1999,4`,
        `내후년,${a.code},2028,1`,
      ].join('\n'),
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    const rows = res.json<{ error: { details: { rows: { row: number; errors: string[] }[] } } }>().error
      .details.rows;
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5]);
    for (const r of rows) expect(r.errors).toEqual([expect.stringMatching(/entryYear.*2006.*2027/)]);
    expect(await countRows(t, 'students')).toBe(students);
    expect(await countRows(t, 'audit_log')).toBe(audits);

    const ok = await upload(
      ['name,departmentCode,entryYear,year', `처음,${a.code},2006,4`, `끝,${a.code},2027,1`].join('\n'),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<ImportResult>().rows.map((r) => r.studentNo)).toEqual([
      `06${a.code}001`,
      `27${a.code}001`,
    ]);
  });

  it('when the header, the format or the content type is wrong, the answer is 4xx and nothing is written', async () => {
    const a = await createDepartment(t);
    const students = await countRows(t, 'students');
    expectError(await upload(`name,dept,entryYear,year\nx,${a.code},2026,1`), 400, 'VALIDATION_FAILED');
    expectError(await upload(`name,departmentCode,entryYear\nx,${a.code},2026`), 400, 'VALIDATION_FAILED');
    expectError(await upload('name,departmentCode,entryYear,year\n'), 400, 'VALIDATION_FAILED');
    expectError(await upload(''), 400, 'VALIDATION_FAILED');
    expectError(
      await upload(`name,departmentCode,entryYear,year\n"x,${a.code},2026,1`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await upload(`name,departmentCode,entryYear,year\nx,${a.code},2026,1`, 'text/plain'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const json = await t.call('POST', '/admin/api/students/import', {
      token: t.adminToken,
      body: { rows: [] },
    });
    expect(json.statusCode).toBe(400);
    expect(await countRows(t, 'students')).toBe(students);
  });

  it('when the file has more than 5,000 rows, it is refused before anything is hashed or written', async () => {
    const a = await createDepartment(t);
    const students = await countRows(t, 'students');
    const csv = [
      'name,departmentCode,entryYear,year',
      ...Array.from({ length: 5001 }, (_, i) => `s${i},${a.code},2026,1`),
    ].join('\n');
    const res = await upload(csv);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/5000/);
    expect(await countRows(t, 'students')).toBe(students);
  });

  it('when the body is over 5 MB, it is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await upload(`name,departmentCode,entryYear,year\n${'x'.repeat(5 * 1024 * 1024)}`);
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});
