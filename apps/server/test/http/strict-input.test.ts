import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  createDepartment,
  createProfessor,
  createSection,
  createSubject,
  expectError,
  insertStudent,
  unique,
} from '../admin/fixtures.js';

const CONTROL_NAMES = [
  ['a NUL', '홍\u0000길동'],
  ['a tab', '홍\t길동'],
  ['a line break', '홍\n길동'],
  ['a terminal escape', '\u001b[31m빨강'],
  ['DEL', '홍길동\u007f'],
  ['a C1 control', '홍\u0085길동'],
  ['a right-to-left override', '\u202e동길홍'],
  ['a bidi isolate', '홍\u2066길동'],
  ['a line separator', '홍\u2028길동'],
] as const;

const INVISIBLE_NAMES = [
  ['a Hangul filler', '\u3164'],
  ['Hangul choseong/jungseong fillers', '\u115f\u1160'],
  ['zero-width spaces', '\u200b\u200b'],
  ['a byte-order mark', '\ufeff'],
  ['spaces around a filler', ' \u3164\u3000'],
  ['a braille blank', '\u2800'],
  ['a soft hyphen', '\u00ad'],
] as const;

describe.each(testDatabaseKinds())('strict input on $label', ({ name }) => {
  let t: TestApp;
  let departmentId: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    departmentId = (await createDepartment(t)).id;
  });
  afterAll(async () => t?.close());

  const postJson = (url: string, payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
      payload,
    });
  const departmentsNamed = async (prefix: string) =>
    (
      await t.karina.db.selectFrom('departments').select('name').where('name', 'like', `${prefix}%`).execute()
    ).map((r) => r.name);

  describe('text encoding of JSON bodies', () => {
    it.each([
      ['a byte that is never UTF-8', [0xff]],
      ['a truncated sequence', [0xea, 0xb0]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ])('when the body holds %s, it is 400 INVALID_TEXT and nothing is stored', async (_what, bytes) => {
      const prefix = unique('바이트');
      const res = await postJson(
        '/admin/api/departments',
        Buffer.concat([Buffer.from(`{"name":"${prefix}`), Buffer.from(bytes), Buffer.from('"}')]),
      );
      expectError(res, 400, 'INVALID_TEXT');
      expect(await departmentsNamed(prefix)).toEqual([]);
    });

    it.each([
      ['a lone high surrogate', (p: string) => `{"name":"${p}\\ud800"}`],
      ['a lone low surrogate', (p: string) => `{"name":"${p}\\udc00x"}`],
      ['swapped halves', (p: string) => `{"name":"${p}\\ude00\\ud83d"}`],
      ['a lone surrogate in a key', (p: string) => `{"name":"${p}","\\ud800":1}`],
    ])('when a JSON escape is %s, it is 400 INVALID_TEXT and nothing is stored', async (_what, body) => {
      const prefix = unique('서로게이트');
      const res = await postJson('/admin/api/departments', body(prefix));
      expectError(res, 400, 'INVALID_TEXT');
      expect(await departmentsNamed(prefix)).toEqual([]);
    });

    it('when a surrogate pair is escaped correctly, the character is stored as sent', async () => {
      const prefix = unique('이모지');
      const res = await postJson('/admin/api/departments', `{"name":"${prefix} \\ud83d\\ude00"}`);
      expect(res.statusCode, res.body).toBe(201);
      expect(await departmentsNamed(prefix)).toEqual([`${prefix} 😀`]);
    });
  });

  describe('names', () => {
    const creators: [string, (value: string) => Promise<{ statusCode: number; body: string }>][] = [
      [
        'department',
        (v) => t.call('POST', '/admin/api/departments', { token: t.adminToken, body: { name: v } }),
      ],
      [
        'professor',
        (v) =>
          t.call('POST', '/admin/api/professors', { token: t.adminToken, body: { departmentId, name: v } }),
      ],
      [
        'student',
        (v) =>
          t.call('POST', '/admin/api/students', {
            token: t.adminToken,
            body: { departmentId, name: v, entryYear: 2026, year: 1, password: 'strict-pass-2026' },
          }),
      ],
      [
        'subject',
        (v) =>
          t.call('POST', '/admin/api/subjects', {
            token: t.adminToken,
            body: { departmentId, name: v, credits: 3, type: 'general' },
          }),
      ],
      [
        'post title',
        (v) =>
          t.call('POST', `/admin/api/departments/${departmentId}/posts`, {
            token: t.adminToken,
            body: { title: v, body: '본문' },
          }),
      ],
    ];

    for (const [entity, create] of creators) {
      it.each([...CONTROL_NAMES, ...INVISIBLE_NAMES])(
        `when a ${entity} name holds %s, it is 400 INVALID_TEXT`,
        async (_what, value) => {
          const res = await create(value);
          expect(res.statusCode, res.body).toBe(400);
          expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'INVALID_TEXT' } });
        },
      );
    }

    it('when a name mixes scripts, emoji with joiners and inner spaces, it is accepted', async () => {
      const value = `${unique('김')} 👩‍💻 O'Neil-박`;
      const res = await t.call('POST', '/admin/api/professors', {
        token: t.adminToken,
        body: { departmentId, name: value },
      });
      expect(res.statusCode, res.body).toBe(201);
    });

    it('when a student is renamed to an invisible name or a name with a control character, it is 400 INVALID_TEXT', async () => {
      const s = await insertStudent(t, departmentId);
      for (const value of ['\u3164', '이\u0007름']) {
        const res = await t.call('PATCH', `/admin/api/students/${s.id}`, {
          token: t.adminToken,
          body: { name: value },
        });
        expectError(res, 400, 'INVALID_TEXT');
      }
      const address = await t.call('PATCH', `/admin/api/students/${s.id}`, {
        token: t.adminToken,
        body: { address: { line1: '서울\u0000시' } },
      });
      expectError(address, 400, 'INVALID_TEXT');
    });

    it('when a student writes a control character into their own address, it is 400 INVALID_TEXT and nothing changes', async () => {
      const s = await insertStudent(t, departmentId);
      const token = await t.tokenFor('student', s.id);
      for (const line of ['서울\u0000시', '\u200b\u200b']) {
        const res = await t.call('PATCH', '/student/api/me', { token, body: { address: { line1: line } } });
        expectError(res, 400, 'INVALID_TEXT');
      }
      const row = await t.karina.db
        .selectFrom('students')
        .select('address1')
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow();
      expect(row.address1 ?? '').not.toContain('\u0000');
    });

    it('when a registration period is named with invisible characters only, it is 400 INVALID_TEXT', async () => {
      const res = await t.call('POST', '/admin/api/periods', {
        token: t.adminToken,
        body: {
          name: '\u3164\u3164',
          kind: 'cart',
          opensAt: '2030-01-01T00:00:00Z',
          closesAt: '2030-01-02T00:00:00Z',
          maxCredits: 18,
        },
      });
      expectError(res, 400, 'INVALID_TEXT');
    });

    it.each(['=HYPERLINK("https://evil.example","클릭")', '+82-10-0000', '-2+3', '@SUM(A1)'])(
      'when a name starts with a formula character (%s), it is stored exactly as given',
      async (value) => {
        const res = await t.call('POST', '/admin/api/students', {
          token: t.adminToken,
          body: { departmentId, name: value, entryYear: 2026, year: 1, password: 'formula-pass-2026' },
        });
        expect(res.statusCode, res.body).toBe(201);
        const row = await t.karina.db
          .selectFrom('students')
          .select('name')
          .where('id', '=', res.json<{ id: number }>().id)
          .executeTakeFirstOrThrow();
        expect(row.name).toBe(value);
      },
    );
  });

  describe('multi-line text', () => {
    it('when a post body has line breaks and tabs, they are kept', async () => {
      const body = '첫 줄\n\t둘째 줄\r\n셋째 줄';
      const res = await t.call('POST', `/admin/api/departments/${departmentId}/posts`, {
        token: t.adminToken,
        body: { title: unique('공지'), body },
      });
      expect(res.statusCode, res.body).toBe(201);
      const row = await t.karina.db
        .selectFrom('posts')
        .select('body')
        .where('id', '=', res.json<{ id: number }>().id)
        .executeTakeFirstOrThrow();
      expect(row.body).toBe(body);
    });

    it.each([
      ['a bell', '공지\u0007'],
      ['a NUL', '공지\u0000'],
      ['a right-to-left override', '공지 \u202e'],
      ['only zero-width spaces', '\u200b\u200b\u200b'],
    ])('when a post body holds %s, it is 400 INVALID_TEXT', async (_what, body) => {
      const res = await t.call('POST', `/admin/api/departments/${departmentId}/posts`, {
        token: t.adminToken,
        body: { title: unique('공지'), body },
      });
      expectError(res, 400, 'INVALID_TEXT');
    });

    it('when a subject description holds a control character, it is 400 INVALID_TEXT', async () => {
      const res = await t.call('POST', '/admin/api/subjects', {
        token: t.adminToken,
        body: { departmentId, name: unique('과목'), credits: 3, type: 'general', description: '설명\u001b' },
      });
      expectError(res, 400, 'INVALID_TEXT');
    });
  });

  describe('CSV import', () => {
    const importCsv = (payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/api/students/import',
        headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'text/csv' },
        payload,
      });

    it('when a CSV name holds a control character or draws nothing, the file is refused with the row named', async () => {
      const code = (
        await t.karina.db
          .selectFrom('departments')
          .select('code')
          .where('id', '=', departmentId)
          .executeTakeFirstOrThrow()
      ).code;
      const res = await importCsv(
        `name,departmentCode,entryYear,year\n홍\u0001길동,${code},2026,1\n\u3164,${code},2026,1\n`,
      );
      expectError(res, 400, 'VALIDATION_FAILED');
      const rows = res.json<{ error: { details: { rows: { row: number; errors: string[] }[] } } }>().error
        .details.rows;
      expect(rows.map((r) => r.row)).toEqual([2, 3]);
      for (const r of rows) expect(r.errors.join(' ')).toContain('name');
    });

    it('when the CSV is not UTF-8 (Excel CP949), it is 400 INVALID_TEXT instead of names full of U+FFFD', async () => {
      // "홍길동" in CP949 (EUC-KR).
      const cp949 = Buffer.from([0xc8, 0xab, 0xb1, 0xe6, 0xb5, 0xbf]);
      const res = await importCsv(
        Buffer.concat([
          Buffer.from('name,departmentCode,entryYear,year\n'),
          cp949,
          Buffer.from(',01,2026,1\n'),
        ]),
      );
      expectError(res, 400, 'INVALID_TEXT');
    });
  });

  describe('integers in paths and querystrings are plain decimal digits', () => {
    let sectionId: number;
    let studentId: number;
    let studentToken: string;
    beforeAll(async () => {
      const professorId = await createProfessor(t, departmentId);
      const subject = await createSubject(t, departmentId);
      sectionId = await createSection(t, subject.id, { professorId });
      studentId = (await insertStudent(t, departmentId)).id;
      studentToken = await t.tokenFor('student', studentId);
    });

    const spellings = (id: number) =>
      [
        ['hex', `0x${id.toString(16)}`],
        ['an exponent', `${id}e0`],
        ['a plus sign', `+${id}`],
        ['a leading space', `%20${id}`],
        ['a trailing space', `${id}%20`],
        ['a leading zero', `0${id}`],
        ['a decimal point', `${id}.0`],
        ['a binary literal', `0b${id.toString(2)}`],
      ] as const;

    it('the plain spelling resolves', async () => {
      expect((await t.call('GET', `/sugang/api/sections/${sectionId}`)).statusCode).toBe(200);
      expect(
        (await t.call('GET', `/admin/api/students/${studentId}`, { token: t.adminToken })).statusCode,
      ).toBe(200);
    });

    it('every other spelling of a section id is 400 VALIDATION_FAILED, not that section', async () => {
      for (const [what, spelled] of spellings(sectionId)) {
        const res = await t.call('GET', `/sugang/api/sections/${spelled}`);
        expect({
          what,
          status: res.statusCode,
          code: res.json<{ error?: { code: string } }>().error?.code,
        }).toEqual({
          what,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('every other spelling of a student id is 400 VALIDATION_FAILED, not that student', async () => {
      for (const [what, spelled] of spellings(studentId)) {
        const res = await t.call('GET', `/admin/api/students/${spelled}`, { token: t.adminToken });
        expect({ what, status: res.statusCode }).toEqual({ what, status: 400 });
      }
      expectError(
        await t.call('GET', '/admin/api/students/1e3', { token: t.adminToken }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('ids in other modules are held to the same rule (cart, enrollments)', async () => {
      const cart = await t.call('DELETE', `/sugang/api/cart/0x${sectionId.toString(16)}`, {
        token: studentToken,
      });
      expectError(cart, 400, 'VALIDATION_FAILED');
      const drop = await t.call('DELETE', `/sugang/api/enrollments/${sectionId}e0`, { token: studentToken });
      expectError(drop, 400, 'VALIDATION_FAILED');
    });

    it.each(['0x2', '1e1', '+1', '%201', '01', '2.0'])(
      'when the catalog page is "%s", it is 400 VALIDATION_FAILED',
      async (page) => {
        expectError(await t.call('GET', `/sugang/api/sections?page=${page}`), 400, 'VALIDATION_FAILED');
      },
    );

    it('other integer filters follow the same rule, and plain digits still work', async () => {
      expectError(
        await t.call('GET', `/sugang/api/sections?department=0x${departmentId.toString(16)}`),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await t.call('GET', '/admin/api/students?page=1e0', { token: t.adminToken }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await t.call('GET', `/admin/api/students?year=+1`, { token: t.adminToken }),
        400,
        'VALIDATION_FAILED',
      );
      expect((await t.call('GET', `/sugang/api/sections?page=1&department=${departmentId}`)).statusCode).toBe(
        200,
      );
      expect(
        (await t.call('GET', '/admin/api/students?page=2&year=1', { token: t.adminToken })).statusCode,
      ).toBe(200);
    });
  });
});
