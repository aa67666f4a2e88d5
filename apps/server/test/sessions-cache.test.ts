import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createSession, hashToken } from '../src/platform/sessions.js';
import { FIXTURE_PASSWORD, createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makeStudents } from './support/fixtures.js';
import { countingDb } from './support/query-count.js';

const MINUTE = 60_000;
const redisUrl = inject('redisUrl');

async function studentNo(t: TestApp, id: number): Promise<string> {
  const row = await t.karina.db
    .selectFrom('students')
    .select('student_no')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.student_no;
}

async function login(t: TestApp, id: number, password = FIXTURE_PASSWORD): Promise<string> {
  const res = await t.call('POST', '/student/api/auth/login', {
    body: { username: await studentNo(t, id), password },
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ token: string }>().token;
}

function me(app: FastifyInstance, token: string) {
  return app.inject({ method: 'GET', url: '/student/api/me', headers: { authorization: `Bearer ${token}` } });
}

describe.each(testDatabaseKinds())('cached sessions on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name, { sessionIdleMs: 30 * MINUTE });
    dept = (await makeDepartment(t.karina.db)).id;
  });
  afterAll(async () => t?.close());

  async function student(options: { mustChangePassword?: boolean } = {}): Promise<number> {
    const [id] = (await makeStudents(t.karina.db, dept, 1, options)) as [number];
    return id;
  }

  it('when a session was read a moment ago, looking it up again sends no statement to the database; a minute on it is read again, and last-seen is written in batches off the request', async () => {
    const counting = countingDb(t.karina.db);
    const app = await buildApp(t.config, { db: counting.db, dialect: t.karina.dialect, clock: t.clock });
    try {
      const tokens = [
        await t.tokenFor('student', await student()),
        await t.tokenFor('student', await student()),
        await t.tokenFor('student', await student()),
      ];
      for (const token of tokens) expect(await app.sessionCache.find(token, t.clock.now())).toBeDefined();
      const afterFirst = counting.count();
      expect(afterFirst, 'the first lookups read the rows').toBe(tokens.length);
      t.clock.advance(59_000);
      const again = await app.sessionCache.find(tokens[0] ?? '', t.clock.now());
      expect(again?.role).toBe('student');
      expect(counting.count() - afterFirst, 'a cached lookup').toBe(0);
      t.clock.advance(1_000);
      const seenAt = t.clock.now();
      for (const token of tokens) await app.sessionCache.find(token, seenAt);
      expect(
        counting.kinds().slice(afterFirst),
        'a minute on, each copy is read again (another process may have ended it); last-seen waits',
      ).toEqual(tokens.map(() => 'SelectQueryNode'));
      const afterReads = counting.count();
      await app.sessionCache.flush();
      expect(counting.kinds().slice(afterReads), 'one batched write for the three').toEqual([
        'UpdateQueryNode',
      ]);
      const rows = await t.karina.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('token_hash', 'in', tokens.map(hashToken))
        .execute();
      expect(rows.map((r) => r.last_seen_at)).toEqual(tokens.map(() => seenAt - (seenAt % 1000)));
      await app.sessionCache.flush();
      expect(counting.count() - afterReads, 'nothing left to write').toBe(1);
    } finally {
      await app.close();
    }
  });

  it('when a student logs out, the same token is refused at once, though it was cached a moment before', async () => {
    const token = await login(t, await student());
    expect((await me(t.app, token)).statusCode).toBe(200);
    const out = await t.call('POST', '/student/api/auth/logout', { token });
    expect(out.statusCode).toBe(204);
    const after = await me(t.app, token);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('when the registrar deletes a student, their cached session is refused at once', async () => {
    const id = await student();
    const token = await login(t, id);
    expect((await me(t.app, token)).statusCode).toBe(200);
    const del = await t.call('DELETE', `/admin/api/students/${id}`, { token: t.adminToken });
    expect(del.statusCode).toBe(204);
    expect((await me(t.app, token)).statusCode).toBe(401);
  });

  it("when the registrar resets a student's password, their cached sessions end at once", async () => {
    const id = await student();
    const token = await login(t, id);
    expect((await me(t.app, token)).statusCode).toBe(200);
    const reset = await t.call('POST', `/admin/api/students/${id}/reset-password`, { token: t.adminToken });
    expect(reset.statusCode).toBe(200);
    expect((await me(t.app, token)).statusCode).toBe(401);
  });

  it('when a student changes the required initial password, the same cached session may register at once, and their other logins end', async () => {
    const id = await student({ mustChangePassword: true });
    const token = await login(t, id);
    const other = await login(t, id);
    expect((await me(t.app, other)).statusCode).toBe(200);
    const pending = await t.call('GET', '/sugang/api/enrollments', { token });
    expect(pending.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const change = await t.call('POST', '/student/api/me/password', {
      token,
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a-new-pass-2026' },
    });
    expect(change.statusCode).toBe(204);
    expect((await t.call('GET', '/sugang/api/enrollments', { token })).statusCode).toBe(200);
    expect((await me(t.app, other)).statusCode, 'another login of the same student').toBe(401);
  });

  it('when a cached session goes idle for the timeout, it has ended; served from the cache just before, it lives on', async () => {
    const token = await login(t, await student());
    expect((await me(t.app, token)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(29 * MINUTE + 59_000);
      expect((await me(t.app, token)).statusCode).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    expect((await me(t.app, token)).statusCode).toBe(401);
  });

  it('when a cached session reaches its lifetime, it is refused at that instant, whatever the cache holds', async () => {
    const id = await student();
    const { token } = await createSession(t.karina.db, {
      role: 'student',
      userId: id,
      now: t.clock.now(),
      ttlMs: 30_000,
    });
    expect((await me(t.app, token)).statusCode).toBe(200);
    t.clock.advance(29_999);
    expect((await me(t.app, token)).statusCode).toBe(200);
    t.clock.advance(1);
    expect((await me(t.app, token)).statusCode).toBe(401);
  });

  // Last: it moves the shared clock on by 40 minutes (the registrar's session goes idle).
  it('when last-seen is still waiting for its batch and the cache is gone, the pending time still counts against the idle timeout, and closing writes it', async () => {
    const counting = countingDb(t.karina.db);
    const app = await buildApp(t.config, { db: counting.db, dialect: t.karina.dialect, clock: t.clock });
    try {
      const token = await t.tokenFor('student', await student());
      expect(await app.sessionCache.find(token, t.clock.now())).toBeDefined();
      t.clock.advance(20 * MINUTE);
      expect(await app.sessionCache.find(token, t.clock.now())).toBeDefined();
      const seenAt = t.clock.now();
      // Another process (or an eviction) makes this one read the row again before the flush.
      app.sessionCache.evict(undefined);
      t.clock.advance(20 * MINUTE);
      const session = await app.sessionCache.find(token, t.clock.now());
      expect(session, '20 minutes since the last use, though the row says 40').toBeDefined();
      await app.close();
      const row = await t.karina.db
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirstOrThrow();
      expect(row.last_seen_at).toBeGreaterThanOrEqual(seenAt - (seenAt % 1000));
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!redisUrl).each(testDatabaseKinds())(
  'cached sessions across two processes on $label',
  ({ name }) => {
    let a: TestApp;
    let b: FastifyInstance;
    let dept: number;
    beforeAll(async () => {
      a = await createTestApp(name, { redisUrl: redisUrl ?? undefined, sessionIdleMs: 30 * MINUTE });
      b = await buildApp(a.config, { db: a.karina.db, dialect: a.karina.dialect, clock: a.clock });
      await b.ready();
      dept = (await makeDepartment(a.karina.db)).id;
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    /** Resolves when b's bus has delivered the eviction of key (Redis pub/sub is asynchronous). */
    function heardByB(key: string): Promise<void> {
      return new Promise((resolve) => {
        const off = b.deps.bus.subscribe('sessions', (k) => {
          if (k !== key) return;
          off();
          resolve();
        });
      });
    }

    it('when a student logs out on one process, the other process, which had the session cached, refuses the token', async () => {
      const [id] = (await makeStudents(a.karina.db, dept, 1)) as [number];
      const token = await login(a, id);
      expect((await me(b, token)).statusCode).toBe(200);
      expect(b.sessionCache.size).toBeGreaterThan(0);
      const session = await b.sessionCache.find(token, a.clock.now());
      const heard = heardByB(session!.tokenHash);
      expect((await a.call('POST', '/student/api/auth/logout', { token })).statusCode).toBe(204);
      await heard;
      expect((await me(b, token)).statusCode).toBe(401);
      expect((await me(a.app, token)).statusCode).toBe(401);
    });

    it('when the eviction message is lost, the other process re-reads the row within the shared TTL (5 s) and refuses it', async () => {
      const [id] = (await makeStudents(a.karina.db, dept, 1)) as [number];
      const token = await login(a, id);
      expect((await me(b, token)).statusCode).toBe(200);
      // Deleted behind the bus's back, as if Redis had dropped the message.
      await a.karina.db.deleteFrom('sessions').where('student_id', '=', id).execute();
      a.clock.advance(4_999);
      expect((await me(b, token)).statusCode, 'still the cached copy').toBe(200);
      a.clock.advance(1);
      expect((await me(b, token)).statusCode).toBe(401);
    });
  },
);
