import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, createTestApp } from './support/app.js';
import { makeDepartment, makeStudents } from './support/fixtures.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';

describe.each(testDatabaseKinds())('auth on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  it('when the admin logs in with the right password, a token works and logout ends it', async () => {
    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'admin', password: t.config.adminPassword },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json<{ token: string; user: { role: string; username: string } }>();
    expect(user).toMatchObject({ role: 'admin', username: 'admin' });
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
    expect((await t.call('POST', '/student/api/auth/logout', { token })).statusCode).toBe(204);
    const after = await t.call('GET', '/student/api/me', { token });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('GET /student/api/session answers 200 with the user while signed in and null after logout or with no token', async () => {
    const [department] = [await makeDepartment(t.karina.db)];
    const [id] = await makeStudents(t.karina.db, department.id, 1, { mustChangePassword: true });
    const token = await t.tokenFor('student', id as number);
    const signedIn = await t.call('GET', '/student/api/session', { token });
    expect(signedIn.statusCode).toBe(200);
    // A pending password change still says who it is, so the web app can send them to change it.
    expect(signedIn.json()).toMatchObject({ user: { id, role: 'student', mustChangePassword: true } });
    const anonymous = await t.call('GET', '/student/api/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    await t.call('POST', '/student/api/auth/logout', { token });
    expect((await t.call('GET', '/student/api/session', { token })).json()).toEqual({ user: null });
  });

  it('when the password is wrong, login answers 401 INVALID_CREDENTIALS', async () => {
    const res = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'admin', password: 'nope-nope-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('when the body has an unknown field or is malformed JSON, the answer is 400 with a stable code', async () => {
    const extra = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'a', password: 'b', x: 1 },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/student/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });
});

describe.each(testDatabaseKinds())('student login, profile and password on $label', ({ name }) => {
  let t: TestApp;
  let dept: { id: number; code: string };
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = await makeDepartment(t.karina.db, '컴퓨터공학과');
  });
  afterAll(async () => t?.close());

  async function studentNo(id: number): Promise<string> {
    const row = await t.karina.db
      .selectFrom('students')
      .select('student_no')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.student_no;
  }

  it('when a student logs in with the 학번, the user is the student and the profile never shows a hash', async () => {
    const [id] = await makeStudents(t.karina.db, dept.id, 1);
    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: await studentNo(id!), password: FIXTURE_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json<{ token: string; user: Record<string, unknown> }>();
    const name = await t.karina.db
      .selectFrom('students')
      .select('name')
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({
      id,
      username: await studentNo(id!),
      name: name.name,
      role: 'student',
      mustChangePassword: false,
    });
    expect(login.headers['set-cookie']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^karina_session=.*HttpOnly/),
        expect.stringMatching(/^karina_csrf=/),
      ]),
    );
    const me = await t.call('GET', '/student/api/me', { token });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id,
      role: 'student',
      department: { id: dept.id, name: '컴퓨터공학과' },
    });
    expect(me.body).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('when a student must change the initial password, only me, password change and logout work until it is changed', async () => {
    const [id] = await makeStudents(t.karina.db, dept.id, 1, { mustChangePassword: true });
    const token = await t.tokenFor('student', id!);
    const blocked = await t.call('PATCH', '/student/api/me', { token, body: { email: 'a@b.kr' } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const weak = await t.call('POST', '/student/api/me/password', {
      token,
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'short1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { code: 'WEAK_PASSWORD' } });
    const wrong = await t.call('POST', '/student/api/me/password', {
      token,
      body: { currentPassword: 'not-the-password-1', newPassword: 'a-much-better-pass-42' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
    const other = await t.tokenFor('student', id!);
    const ok = await t.call('POST', '/student/api/me/password', {
      token,
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a-much-better-pass-42' },
    });
    expect(ok.statusCode).toBe(204);
    const row = await t.karina.db
      .selectFrom('students')
      .select(['must_change_password', 'password_hash'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(0);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await t.call('PATCH', '/student/api/me', { token, body: { email: 'a@b.kr' } })).statusCode).toBe(
      200,
    );
    expect((await t.call('GET', '/student/api/me', { token: other })).statusCode).toBe(401);
    const relogin = await t.call('POST', '/student/api/auth/login', {
      body: { username: await studentNo(id!), password: 'a-much-better-pass-42' },
    });
    expect(relogin.statusCode).toBe(200);
  });

  it('when a student edits contact and address, the change is stored and bad values are refused with nothing written', async () => {
    const [id] = await makeStudents(t.karina.db, dept.id, 1);
    const token = await t.tokenFor('student', id!);
    const res = await t.call('PATCH', '/student/api/me', {
      token,
      body: {
        tel: '010-1234-5678',
        address: { postcode: '04763', line1: '서울 성동구 왕십리로 222', line2: '101호' },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tel: '010-1234-5678',
      address: { postcode: '04763', line2: '101호' },
    });
    for (const body of [
      { tel: 'call me' },
      { address: { postcode: '123' } },
      { studentNo: '0000000' },
      { email: 'x'.repeat(300) },
      { birthDate: '2001-02-30' },
    ]) {
      const bad = await t.call('PATCH', '/student/api/me', { token, body });
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
    }
    const cleared = await t.call('PATCH', '/student/api/me', { token, body: { address: { line2: null } } });
    expect(cleared.json()).toMatchObject({ address: { line1: '서울 성동구 왕십리로 222', line2: null } });
    const typed = await t.call('PATCH', '/student/api/me', { token, body: { tel: 1012345678 } });
    expect(typed.statusCode).toBe(400);
    const row = await t.karina.db
      .selectFrom('students')
      .select(['tel', 'postcode', 'birth_date', 'address2'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ tel: '010-1234-5678', postcode: '04763', birth_date: null, address2: null });
  });

  it('when name, department and phone match, 학번 조회 returns the number; otherwise 404 without saying which part failed', async () => {
    const [id] = await makeStudents(t.karina.db, dept.id, 1, { tel: '010-5555-0001' });
    const row = await t.karina.db
      .selectFrom('students')
      .select(['name', 'student_no'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const ok = await t.call('POST', '/student/api/auth/lookup', {
      body: { name: row.name, departmentId: dept.id, phone: '01055550001' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ studentNo: row.student_no });
    const miss = await t.call('POST', '/student/api/auth/lookup', {
      body: { name: row.name, departmentId: dept.id, phone: '010-5555-0002' },
    });
    expect(miss.statusCode).toBe(404);
    expect(miss.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('throttling', () => {
  it('when one account keeps being guessed, five failures are free, then 429 with Retry-After before any hashing, and the wait doubles', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const guess = (password: string) =>
        t.call('POST', '/student/api/auth/login', { body: { username: 'admin', password } });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await guess(`guess-${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401]);
      const limited = await guess(t.config.adminPassword ?? '');
      expect(limited.statusCode, 'even the right password is not checked while waiting').toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      t.clock.advance(1_000);
      expect((await guess('guess-5')).statusCode).toBe(401);
      const longer = await guess('guess-6');
      expect(longer.statusCode).toBe(429);
      expect(longer.headers['retry-after']).toBe('2');
      const others = await t.call('POST', '/student/api/auth/login', {
        body: { username: 'someone-else', password: 'x' },
      });
      expect(others.statusCode, 'another account from the same address is not blocked').toBe(401);
      t.clock.advance(2_000);
      expect((await guess(t.config.adminPassword ?? '')).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) {
        expect((await guess(`again-${i}`)).statusCode, 'a success starts the account over').toBe(401);
      }
    } finally {
      await t.close();
    }
  });

  it('when the guesses come from many addresses, the account still backs off', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          remoteAddress: `198.51.100.${i + 1}`,
          payload: { username: 'admin', password: `guess-${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('when one address sprays one guess at each of many accounts, it is stopped after 20 failures while other addresses log in', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const spray = (i: number, remoteAddress = '203.0.113.7') =>
        t.app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          remoteAddress,
          payload: { username: `260${String(1000 + i)}`, password: 'Spring2026!' },
        });
      const codes: number[] = [];
      for (let i = 0; i < 30; i++) codes.push((await spray(i)).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20).every((c) => c === 429)).toBe(true);
      const last = await spray(31);
      expect(Number(last.headers['retry-after'])).toBe(15 * 60);
      expect((await spray(32, '203.0.113.8')).statusCode).toBe(401);
      t.clock.advance(15 * 60_000);
      expect((await spray(33)).statusCode, 'the window ends').toBe(401);
    } finally {
      await t.close();
    }
  });

  it('when one address keeps looking up 학번, it gets 429 with Retry-After', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const lookups: number[] = [];
      for (let i = 0; i < 6; i++) {
        lookups.push(
          (
            await t.call('POST', '/student/api/auth/lookup', {
              body: { name: '홍길동', departmentId: 1, phone: '0100000000' },
            })
          ).statusCode,
        );
      }
      expect(lookups.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(lookups[5]).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('when a logged-in user keeps sending wrong current passwords, the password change is throttled like login', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const dept = await makeDepartment(t.karina.db);
      const [id] = await makeStudents(t.karina.db, dept.id, 1);
      const token = await t.tokenFor('student', id!);
      const change = (currentPassword: string) =>
        t.call('POST', '/student/api/me/password', {
          token,
          body: { currentPassword, newPassword: 'a-much-better-pass-42' },
        });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await change(`wrong-${i}`)).statusCode);
      expect(codes).toEqual([403, 403, 403, 403, 403]);
      const limited = await change(FIXTURE_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(limited.headers['retry-after']).toBe('1');
      const row = await t.karina.db
        .selectFrom('students')
        .select(['student_no', 'password_hash'])
        .where('id', '=', id!)
        .executeTakeFirstOrThrow();
      const login = await t.call('POST', '/student/api/auth/login', {
        body: { username: row.student_no, password: FIXTURE_PASSWORD },
      });
      expect(login.statusCode, 'login shares the account counter').toBe(429);
      t.clock.advance(1_000);
      expect((await change(FIXTURE_PASSWORD)).statusCode).toBe(204);
    } finally {
      await t.close();
    }
  });
});

describe('throttling behind a proxy and with look-alike names', () => {
  it('when a client behind one trusted proxy spoofs X-Forwarded-For, the address limit still counts its real address', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true, trustProxy: 1 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          remoteAddress: '10.0.0.2',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` },
          payload: { username: `user-${i}`, password: `guess-${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  });

  it('when a throttled username is respelled ("admin ", "Admin"), it is refused outright and the real limit holds', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      for (let i = 0; i < 5; i++) {
        await t.call('POST', '/student/api/auth/login', {
          body: { username: 'admin', password: `guess-${i}` },
        });
      }
      const limited = await t.call('POST', '/student/api/auth/login', {
        body: { username: 'admin', password: 'x' },
      });
      expect(limited.statusCode).toBe(429);
      for (const username of ['admin ', 'Admin', ' admin']) {
        const res = await t.call('POST', '/student/api/auth/login', {
          body: { username, password: t.config.adminPassword },
        });
        expect(res.statusCode, JSON.stringify(username)).toBe(401);
      }
      const stillLimited = await t.call('POST', '/student/api/auth/login', {
        body: { username: 'admin', password: t.config.adminPassword },
      });
      expect(stillLimited.statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});

describe.each(testDatabaseKinds())('respelled usernames on $label', ({ name }) => {
  it('when the admin name is sent with a trailing space or in capitals, login fails even with the right password', async () => {
    const t = await createTestApp(name);
    try {
      for (const username of ['admin ', 'ADMIN', 'àdmin']) {
        const res = await t.call('POST', '/student/api/auth/login', {
          body: { username, password: t.config.adminPassword },
        });
        expect(res.statusCode, JSON.stringify(username)).toBe(401);
      }
      const dept = await makeDepartment(t.karina.db);
      const [id] = await makeStudents(t.karina.db, dept.id, 1, { tel: '010-7777-0001' });
      const row = await t.karina.db
        .selectFrom('students')
        .select('name')
        .where('id', '=', id!)
        .executeTakeFirstOrThrow();
      const padded = await t.call('POST', '/student/api/auth/lookup', {
        body: { name: `${row.name} `, departmentId: dept.id, phone: '01077770001' },
      });
      expect(padded.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
