import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from './support/fixtures.js';

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
    const guarded = t.app.guardedRoutes.filter((r) => r.auth !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    for (const route of guarded) {
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
    const studentOnly = t.app.guardedRoutes.filter((r) => r.auth === 'student');
    expect(studentOnly.length).toBeGreaterThan(10);
    for (const route of studentOnly) {
      const res = await t.call(route.method as 'GET', concreteUrl(route.url), {
        token: t.adminToken,
        body: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('when any API GET route gets an unknown query parameter, it answers 400 naming it', async () => {
    const gets = t.app.guardedRoutes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(10);
    for (const route of gets) {
      const token = route.auth === 'student' ? studentToken : t.adminToken;
      const res = await t.call('GET', `${concreteUrl(route.url)}?bogus=1`, { token });
      expect(res.statusCode, `GET ${route.url}`).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message, `GET ${route.url}`).toContain('bogus');
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

  it("when one student aims at another student's enrollment, cart row or wait-list entry, only their own rows can change", async () => {
    const now = t.clock.now();
    await makePeriod(t.karina.db, { opensAt: now - 3_600_000, closesAt: now + 3_600_000 });
    const dept = (await makeDepartment(t.karina.db)).id;
    const [victim, attacker] = await makeStudents(t.karina.db, dept, 2);
    const victimToken = await t.tokenFor('student', victim!);
    const attackerToken = await t.tokenFor('student', attacker!);
    const open = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['MON', '09:00', '10:00']],
    });
    const carted = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['TUE', '09:00', '10:00']],
    });
    expect(
      (await t.call('POST', '/sugang/api/enrollments', { token: victimToken, body: { sectionId: open } }))
        .statusCode,
    ).toBe(201);
    expect(
      (await t.call('POST', '/sugang/api/cart', { token: victimToken, body: { sectionId: carted } }))
        .statusCode,
    ).toBe(201);

    const drop = await t.call('DELETE', `/sugang/api/enrollments/${open}`, { token: attackerToken });
    expect(drop.json()).toMatchObject({ error: { code: 'NOT_ENROLLED' } });
    const uncart = await t.call('DELETE', `/sugang/api/cart/${carted}`, { token: attackerToken });
    expect(uncart.json()).toMatchObject({ error: { code: 'NOT_IN_CART' } });
    const peek = await t.call('GET', '/sugang/api/enrollments', { token: attackerToken });
    expect(peek.json()).toEqual({ items: [], totalCredits: 0 });
    expect((await t.call('GET', `/admin/api/students/${victim}`, { token: attackerToken })).statusCode).toBe(
      403,
    );

    const enrolled = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', open)
      .execute();
    expect(enrolled.map((e) => e.student_id)).toEqual([victim]);
    const cart = await t.karina.db
      .selectFrom('cart_items')
      .select('student_id')
      .where('section_id', '=', carted)
      .execute();
    expect(cart.map((c) => c.student_id)).toEqual([victim]);
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
