import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { touchesDatabase } from '../src/platform/load-shedding.js';
import { FIXTURE_PASSWORD, createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from './support/fixtures.js';

function expectOverloaded(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, what).toBe(503);
  expect(res.headers['retry-after'], what).toBe('1');
  const body = res.json<{ error: { code: string; message: string } }>();
  expect(body.error.code, what).toBe('OVERLOADED');
  expect(body.error.message.length, what).toBeGreaterThan(0);
}

async function shedCount(t: TestApp, reason: string): Promise<number> {
  const text = (await t.call('GET', '/metrics')).body;
  const line = text.split('\n').find((l) => l.startsWith('karina_shed_requests_total') && l.includes(reason));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

describe('which requests count against the in-flight cap', () => {
  it('when a request changes registration state, reads the catalog or logs in, it counts; reads of own data, the clock and the waiting room do not', () => {
    expect(touchesDatabase('POST', '/sugang/api/enrollments')).toBe(true);
    expect(touchesDatabase('DELETE', '/sugang/api/enrollments/:sectionId')).toBe(true);
    expect(touchesDatabase('POST', '/sugang/api/cart/checkout')).toBe(true);
    expect(touchesDatabase('GET', '/sugang/api/sections')).toBe(true);
    expect(touchesDatabase('GET', '/sugang/api/sections/:id')).toBe(true);
    expect(touchesDatabase('POST', '/student/api/auth/login')).toBe(true);
    expect(touchesDatabase('GET', '/sugang/api/time')).toBe(false);
    expect(touchesDatabase('GET', '/sugang/api/enrollments')).toBe(false);
    expect(touchesDatabase('POST', '/sugang/api/queue')).toBe(false);
    expect(touchesDatabase('GET', '/student/api/me')).toBe(false);
  });
});

describe.each(testDatabaseKinds())('load shedding on $label', ({ name }) => {
  let t: TestApp;
  let studentNo: string;
  let token: string;
  let sectionId: number;

  async function arrange(overrides: Parameters<typeof createTestApp>[1]): Promise<void> {
    t = await createTestApp(name, { hashConcurrency: 1, ...overrides });
    const dept = await makeDepartment(t.karina.db);
    const [id] = (await makeStudents(t.karina.db, dept.id, 1)) as [number];
    studentNo = (
      await t.karina.db
        .selectFrom('students')
        .select('student_no')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).student_no;
    token = await t.tokenFor('student', id);
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - 3_600_000,
      closesAt: t.clock.now() + 3_600_000,
    });
    sectionId = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept.id));
  }
  afterEach(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  async function exemptRoutesAnswer(): Promise<void> {
    expect((await t.call('GET', '/healthz')).statusCode).toBe(200);
    expect((await t.call('GET', '/readyz')).statusCode).toBe(200);
    expect((await t.call('GET', '/metrics')).statusCode).toBe(200);
    expect((await t.call('GET', '/sugang/api/time')).statusCode).toBe(200);
  }

  describe('the in-flight cap', () => {
    beforeEach(async () => arrange({ maxInFlight: 2 }));

    it('when as many database-bound requests as the cap are running, the next gets 503 OVERLOADED with Retry-After at once, the exempt routes still answer, and all works again once they finish', async () => {
      // Two logins held inside the password-hashing gate stand for two slow database requests.
      const releases: (() => void)[] = [];
      const gate = t.app.hashGate.run(() => new Promise<void>((resolve) => releases.push(resolve)));
      const login = () =>
        t.call('POST', '/student/api/auth/login', {
          body: { username: studentNo, password: FIXTURE_PASSWORD },
        });
      const held = [login(), login()];
      await until(() => t.app.inFlight.count === 2);

      const register = await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } });
      expectOverloaded(register, 'registration');
      expectOverloaded(await t.call('GET', '/sugang/api/sections', { token }), 'catalog');
      expectOverloaded(await login(), 'a third login');
      expect(await shedCount(t, 'in_flight')).toBe(3);
      expect((await t.call('GET', '/student/api/me', { token })).statusCode, 'not database-bound').toBe(200);
      await exemptRoutesAnswer();
      const enrolled = await t.karina.db.selectFrom('enrollments').select('id').execute();
      expect(enrolled, 'the refused registration wrote nothing').toHaveLength(0);

      for (const release of releases) release();
      await gate;
      for (const res of await Promise.all(held)) expect(res.statusCode).toBe(200);
      expect(t.app.inFlight.count, 'every finished request left the count').toBe(0);
      const again = await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } });
      expect(again.statusCode).toBe(201);
    });
  });

  describe('event-loop delay', () => {
    beforeEach(async () => {
      await arrange({ shedEventLoopDelayMs: 50 });
      // Waits for the start-up samples to pass (they are ignored); a condition, not a timing.
      for (let i = 0; i < 200 && !t.app.eventLoopSheddingArmed(); i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(t.app.eventLoopSheddingArmed()).toBe(true);
    });

    function eventLoopDelayIs(ms: number): void {
      vi.spyOn(t.app, 'memoryUsage').mockReturnValue({
        eventLoopDelay: ms,
        heapUsed: 0,
        rssBytes: 0,
        eventLoopUtilized: 0,
      });
    }

    it('when the event loop runs later than the limit, API requests get 503 OVERLOADED with Retry-After, health, metrics and the server time still answer, and at the limit nothing is refused', async () => {
      eventLoopDelayIs(51);
      expectOverloaded(await t.call('GET', '/student/api/me', { token }), 'own profile');
      expectOverloaded(
        await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } }),
        'register',
      );
      await exemptRoutesAnswer();
      expect(await shedCount(t, 'event_loop_delay')).toBe(2);
      eventLoopDelayIs(50);
      expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } })).statusCode,
      ).toBe(201);
    });
  });
});
