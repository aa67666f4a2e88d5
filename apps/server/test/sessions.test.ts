import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE_PASSWORD, createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makeStudents } from './support/fixtures.js';

const MINUTE = 60_000;

async function studentNo(t: TestApp, id: number): Promise<string> {
  const row = await t.karina.db
    .selectFrom('students')
    .select('student_no')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.student_no;
}

describe.each(testDatabaseKinds())('session idle timeout on $label', ({ name }) => {
  let t: TestApp;
  let student: number;
  beforeAll(async () => {
    t = await createTestApp(name, { sessionIdleMs: 30 * MINUTE });
    const dept = await makeDepartment(t.karina.db);
    [student] = (await makeStudents(t.karina.db, dept.id, 1)) as [number];
  });
  afterAll(async () => t?.close());

  async function login(): Promise<string> {
    const res = await t.call('POST', '/student/api/auth/login', {
      body: { username: await studentNo(t, student), password: FIXTURE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ token: string }>().token;
  }

  it('when a session is used every 29 minutes it lives on; after 30 idle minutes it has ended, long before its lifetime', async () => {
    const token = await login();
    for (let i = 0; i < 3; i++) {
      t.clock.advance(29 * MINUTE);
      expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    const idle = await t.call('GET', '/student/api/me', { token });
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('when requests come less than a minute apart, last-seen is written once, not on every request', async () => {
    const token = await login();
    const lastSeen = async () =>
      (
        await t.karina.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('student_id', '=', student)
          .orderBy('created_at', 'desc')
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const loggedInAt = t.clock.now();
    expect(await lastSeen()).toBe(loggedInAt);
    t.clock.advance(30_000);
    await t.call('GET', '/student/api/me', { token });
    await t.app.sessionCache.flush();
    expect(await lastSeen(), 'under a minute: no write').toBe(loggedInAt);
    t.clock.advance(30_000);
    await t.call('GET', '/student/api/me', { token });
    await t.app.sessionCache.flush();
    // Written in batches by the second (see session-cache.ts).
    const at = loggedInAt + MINUTE;
    expect(await lastSeen()).toBe(at - (at % 1000));
  });

  it('when a session row predates the idle column (last_seen_at null), it counts from its creation', async () => {
    const token = await t.tokenFor('student', student);
    await t.karina.db.updateTable('sessions').set({ last_seen_at: null }).execute();
    t.clock.advance(10 * MINUTE);
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
    // As a process that has not served the session since would find it: written, reset, not cached.
    await t.app.sessionCache.flush();
    await t.karina.db.updateTable('sessions').set({ last_seen_at: null }).execute();
    t.app.sessionCache.evict(undefined);
    t.clock.advance(25 * MINUTE);
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(401);
  });
});

describe('session cookies', () => {
  it('when cookies are Secure, both carry the __Host- prefix with Path=/ and no Domain, and only that name authenticates', async () => {
    const t = await createTestApp('sqlite', { cookieSecure: true });
    try {
      const login = await t.call('POST', '/student/api/auth/login', {
        body: { username: 'admin', password: t.config.adminPassword },
      });
      expect(login.statusCode).toBe(200);
      const cookies = [login.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
      expect(cookies).toHaveLength(2);
      for (const c of cookies) {
        expect(c).toMatch(/^__Host-karina_(session|csrf)=/);
        expect(c).toMatch(/; Secure/);
        expect(c).toMatch(/; Path=\//);
        expect(c).not.toMatch(/Domain=/i);
      }
      const token = login.json<{ token: string }>().token;
      const withHost = await t.app.inject({
        method: 'GET',
        url: '/student/api/me',
        cookies: { '__Host-karina_session': token },
      });
      expect(withHost.statusCode).toBe(200);
      const plain = await t.app.inject({
        method: 'GET',
        url: '/student/api/me',
        cookies: { karina_session: token },
      });
      expect(plain.statusCode, 'an unprefixed cookie could have been planted by a sibling site').toBe(401);
      const logout = await t.app.inject({
        method: 'POST',
        url: '/student/api/auth/logout',
        headers: { authorization: `Bearer ${token}` },
      });
      expect([logout.headers['set-cookie']].flat().join('\n')).toMatch(/__Host-karina_session=;.*Secure/);
    } finally {
      await t.close();
    }
  });

  it('when cookies are not Secure (plain-HTTP local use), the names stay unprefixed', async () => {
    const t = await createTestApp('sqlite', { cookieSecure: false });
    try {
      const login = await t.call('POST', '/student/api/auth/login', {
        body: { username: 'admin', password: t.config.adminPassword },
      });
      expect([login.headers['set-cookie']].flat().join('\n')).toMatch(/^karina_session=/m);
    } finally {
      await t.close();
    }
  });
});

describe('login hashing capacity', () => {
  it('when every hashing slot and the queue behind them are taken, login answers 503 OVERLOADED with Retry-After and works again once they free up', async () => {
    const t = await createTestApp('sqlite', { hashConcurrency: 1, rateLimit: true });
    try {
      const releases: (() => void)[] = [];
      const held = Array.from({ length: 1 + 16 }, () =>
        t.app.hashGate.run(() => new Promise<void>((resolve) => releases.push(resolve))),
      );
      expect(t.app.hashGate.busy).toEqual({ running: 1, waiting: 16 });
      const login = () =>
        t.call('POST', '/student/api/auth/login', {
          body: { username: 'admin', password: t.config.adminPassword },
        });
      for (let i = 0; i < 6; i++) {
        const busy = await login();
        expect(busy.statusCode).toBe(503);
        expect(busy.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
        expect(busy.headers['retry-after']).toBe('1');
      }
      while (t.app.hashGate.busy.running > 0) {
        releases.shift()?.();
        await new Promise((r) => setImmediate(r));
      }
      await Promise.all(held);
      const ok = await login();
      expect(ok.statusCode, 'refused attempts were not counted as failures').toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('X-Forwarded-For without trust', () => {
  it('when requests carry X-Forwarded-For while KARINA_TRUST_PROXY is off, one warning is logged, once', async () => {
    const t = await createTestApp('sqlite', { trustProxy: false });
    try {
      const warn = vi.spyOn(t.app.log, 'warn');
      await t.call('GET', '/healthz');
      expect(warn).not.toHaveBeenCalled();
      for (let i = 0; i < 3; i++) {
        await t.call('GET', '/healthz', { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('KARINA_TRUST_PROXY');
    } finally {
      await t.close();
    }
  });

  it('when trust is configured, X-Forwarded-For is expected and nothing is logged', async () => {
    const t = await createTestApp('sqlite', { trustProxy: 1 });
    try {
      const warn = vi.spyOn(t.app.log, 'warn');
      await t.call('GET', '/healthz', { headers: { 'x-forwarded-for': '198.51.100.1' } });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      await t.close();
    }
  });
});

describe.each(testDatabaseKinds())('implausible profile values on $label', ({ name }) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(name);
    const dept = await makeDepartment(t.karina.db);
    const [id] = await makeStudents(t.karina.db, dept.id, 1, { tel: '010-1234-5678' });
    token = await t.tokenFor('student', id!);
  });
  afterAll(async () => t?.close());

  it('when tel has no digits to dial, the answer is 400 INVALID_TEL and nothing is stored', async () => {
    for (const tel of ['    ', '----', '(  )', '+1 2 3', '0'.repeat(16)]) {
      const res = await t.call('PATCH', '/student/api/me', { token, body: { tel } });
      expect(res.statusCode, JSON.stringify(tel)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_TEL' } });
    }
    const ok = await t.call('PATCH', '/student/api/me', { token, body: { tel: '+82 10-9876-5432' } });
    expect(ok.statusCode).toBe(200);
    const row = await t.karina.db.selectFrom('students').select('tel').executeTakeFirstOrThrow();
    expect(row.tel).toBe('+82 10-9876-5432');
  });

  it('when the birth date is in the future (Seoul time), before 1900 or not a real day, the answer is 400 INVALID_BIRTH_DATE', async () => {
    // The fake clock is 2026-02-16 10:00 in Seoul.
    for (const birthDate of ['2026-02-17', '2999-01-01', '1899-12-31', '2001-02-30']) {
      const res = await t.call('PATCH', '/student/api/me', { token, body: { birthDate } });
      expect(res.statusCode, birthDate).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_BIRTH_DATE' } });
    }
    const today = await t.call('PATCH', '/student/api/me', { token, body: { birthDate: '2026-02-16' } });
    expect(today.statusCode).toBe(200);
    const past = await t.call('PATCH', '/student/api/me', { token, body: { birthDate: '2003-05-09' } });
    expect(past.json()).toMatchObject({ birthDate: '2003-05-09' });
  });
});
