import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FIXTURE_PASSWORD } from './support/app.js';
import type { TestApp } from './support/app.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from './support/fixtures.js';

interface Line {
  level: number;
  reqId?: string;
  msg: string;
  method?: string;
  route?: string;
  status?: number;
  code?: string;
  ms?: number;
  actor?: { role: string; id: number };
}

describe('the log: one access line per request, a request id on each, no secret anywhere', () => {
  let t: TestApp;
  const captured: string[] = [];
  const lines = () =>
    captured
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  const secrets: string[] = [];
  let studentId: number;
  let studentNo: string;
  let sectionId: number;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { logLevel: 'trace' }, undefined, {
      logStream: { write: (line: string) => void captured.push(line) },
    });
    const db = t.karina.db;
    const dept = await makeDepartment(db);
    [studentId] = (await makeStudents(db, dept.id, 1)) as [number];
    studentNo = (
      await db
        .selectFrom('students')
        .select('student_no')
        .where('id', '=', studentId)
        .executeTakeFirstOrThrow()
    ).student_no;
    await makePeriod(db, { opensAt: t.clock.now() - 3_600_000, closesAt: t.clock.now() + 3_600_000 });
    sectionId = await makeSection(db, await makeSubject(db, dept.id));
    secrets.push(FIXTURE_PASSWORD, t.adminToken);
    if (t.config.adminPassword) secrets.push(t.config.adminPassword);
  });
  afterAll(async () => t?.close());

  it('logs the traffic of a sign-in, a registration by cookie and by bearer token, a password change and a logout, and none of their secrets', async () => {
    const wrong = 'Wrong-Password-Typed-2026';
    secrets.push(wrong);
    expect(
      (await t.call('POST', '/student/api/auth/login', { body: { username: studentNo, password: wrong } }))
        .statusCode,
    ).toBe(401);

    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: studentNo, password: FIXTURE_PASSWORD },
      headers: { 'x-request-id': 'trace-me-0001' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['x-request-id']).toBe('trace-me-0001');
    const { token, csrfToken } = login.json<{ token: string; csrfToken: string }>();
    const cookies = login.cookies.map((c) => `${c.name}=${c.value}`);
    secrets.push(token, csrfToken, ...login.cookies.map((c) => c.value));

    const byCookie = await t.app.inject({
      method: 'POST',
      url: '/sugang/api/enrollments',
      headers: { cookie: cookies.join('; '), 'x-csrf-token': csrfToken, 'idempotency-key': 'log-test-1' },
      payload: { sectionId },
    });
    expect(byCookie.statusCode).toBe(201);
    expect((await t.call('DELETE', `/sugang/api/enrollments/${sectionId}`, { token })).statusCode).toBe(204);

    const queue = await t.call('POST', '/sugang/api/queue', { token, body: {} });
    const admission = queue.json<{ admissionToken?: string }>().admissionToken;
    if (admission) secrets.push(admission);
    expect(
      (
        await t.call('POST', '/sugang/api/enrollments', {
          token,
          body: { sectionId },
          headers: admission ? { 'x-admission-token': admission } : {},
        })
      ).statusCode,
    ).toBe(201);

    const newPassword = 'A-New-Password-2026';
    secrets.push(newPassword);
    expect(
      (
        await t.call('POST', '/student/api/me/password', {
          token,
          body: { currentPassword: FIXTURE_PASSWORD, newPassword },
        })
      ).statusCode,
    ).toBe(204);
    // A body that is not JSON, with a password in it, is refused and not echoed to the log.
    const broken = await t.app.inject({
      method: 'POST',
      url: '/student/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":"${studentNo}","password":"${newPassword}"`,
    });
    expect(broken.statusCode).toBe(400);
    expect((await t.call('POST', '/student/api/auth/logout', { token })).statusCode).toBe(204);

    const text = captured.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text, 'a secret reached the log').not.toContain(secret);
    }

    const access = lines().filter((l) => l.msg === 'access');
    expect(access.length).toBe(9);
    for (const line of access) {
      expect(line.reqId).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
    // Route templates, never the raw URL.
    expect(access.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      'POST /student/api/auth/login 401',
      'POST /student/api/auth/login 200',
      'POST /sugang/api/enrollments 201',
      'DELETE /sugang/api/enrollments/:sectionId 204',
      'POST /sugang/api/queue 200',
      'POST /sugang/api/enrollments 201',
      'POST /student/api/me/password 204',
      'POST /student/api/auth/login 400',
      'POST /student/api/auth/logout 204',
    ]);
    // A refusal says its error code; an answer below 400 has none.
    expect(access.map((l) => l.code)).toEqual([
      'INVALID_CREDENTIALS',
      ...Array<undefined>(6).fill(undefined),
      'INVALID_JSON',
      undefined,
    ]);
    expect(access[1]?.reqId).toBe('trace-me-0001');
    expect(access[0]?.actor).toBeUndefined();
    for (const line of access.slice(2, 7)) expect(line.actor).toEqual({ role: 'student', id: studentId });
    // Every line a request wrote carries its id.
    const ids = new Set(access.map((l) => l.reqId));
    for (const line of lines().filter((l) => l.reqId !== undefined)) expect(ids.has(line.reqId)).toBe(true);
  });
});
