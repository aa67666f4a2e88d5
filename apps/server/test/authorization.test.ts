import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makeStudents } from './support/fixtures.js';

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '1');
}

describe.each(testDatabaseKinds())('authorization on every route on $label', ({ name }) => {
  let t: TestApp;
  let studentToken: string;
  let otherStudent: { id: number; token: string };
  beforeAll(async () => {
    t = await createTestApp(name);
    const dept = (await makeDepartment(t.karina.db)).id;
    const [a, b] = await makeStudents(t.karina.db, dept, 2);
    studentToken = await t.tokenFor('student', a!);
    otherStudent = { id: b!, token: await t.tokenFor('student', b!) };
  });
  afterAll(async () => t?.close());

  it('has guarded routes for both services, each with a rule', () => {
    expect(t.app.guardedRoutes.length).toBeGreaterThan(20);
    expect(t.app.guardedRoutes.some((r) => r.url.startsWith('/admin/api/'))).toBe(true);
    expect(t.app.guardedRoutes.some((r) => r.url.startsWith('/sugang/api/'))).toBe(true);
  });

  it('when anonymous, every non-public route answers 401 UNAUTHENTICATED', async () => {
    for (const route of t.app.guardedRoutes.filter((r) => r.auth !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json(), `${route.method} ${route.url}`).toMatchObject({
        error: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('when a student calls any admin route, the answer is 403 FORBIDDEN', async () => {
    const adminRoutes = t.app.guardedRoutes.filter((r) => r.url.startsWith('/admin/api/'));
    expect(adminRoutes.length).toBeGreaterThan(0);
    for (const route of adminRoutes) {
      const res = await t.call(route.method as 'GET', concreteUrl(route.url), {
        token: studentToken,
        body: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('when an admin calls a student-only route, the answer is 403 FORBIDDEN', async () => {
    for (const route of t.app.guardedRoutes.filter((r) => r.auth === 'student')) {
      const res = await t.call(route.method as 'GET', concreteUrl(route.url), {
        token: t.adminToken,
        body: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('when a cookie-authenticated request changes state without the CSRF header, it is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sugang/api/enrollments',
      cookies: { karina_session: studentToken },
      payload: { sectionId: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const read = await t.app.inject({
      method: 'GET',
      url: '/sugang/api/enrollments',
      cookies: { karina_session: studentToken },
    });
    expect(read.statusCode).toBe(200);
  });

  it('when a token is made up, it is 401 and never another user', async () => {
    const res = await t.call('GET', '/student/api/me', { token: 'made-up-token' });
    expect(res.statusCode).toBe(401);
    const me = await t.call('GET', '/student/api/me', { token: otherStudent.token });
    expect(me.json()).toMatchObject({ id: otherStudent.id });
  });
});

describe('route registration', () => {
  it('when a route is added under a guarded prefix without an auth rule, the server refuses to start', async () => {
    const rogue: FastifyPluginAsync = async (app) => {
      app.get('/sugang/api/rogue', async () => ({ ok: true }));
    };
    const { connectDatabase } = await import('@karina/db');
    const karina = connectDatabase('sqlite::memory:');
    const app = await buildApp(testConfig(), { db: karina.db, dialect: karina.dialect });
    await expect(app.register(rogue).ready()).rejects.toThrow(/no auth rule/);
    await karina.close();
  });

  it('when an /admin route is marked anything but admin, the server refuses to start', async () => {
    const rogue: FastifyPluginAsync = async (app) => {
      app.get('/admin/api/rogue', { config: { auth: 'student' } }, async () => ({ ok: true }));
    };
    const { connectDatabase } = await import('@karina/db');
    const karina = connectDatabase('sqlite::memory:');
    const app = await buildApp(testConfig(), { db: karina.db, dialect: karina.dialect });
    await expect(app.register(rogue).ready()).rejects.toThrow(/under \/admin/);
    await karina.close();
  });
});
