import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import type { InvalidationTopic } from '../../src/platform/invalidation.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';

const HOUR = 3_600_000;

async function studentTokens(t: TestApp, dept: number, n: number) {
  const ids = await makeStudents(t.karina.db, dept, n);
  return Promise.all(ids.map(async (id) => ({ id, token: await t.tokenFor('student', id) })));
}

function registerVia(app: FastifyInstance, token: string, sectionId: number) {
  return app.inject({
    method: 'POST',
    url: '/sugang/api/enrollments',
    headers: { authorization: `Bearer ${token}` },
    payload: { sectionId },
  });
}

/**
 * Registration keeps periods and sections' static data in memory, and refuses full sections from
 * memory; each case first fills that memory, then changes the data the way an admin or a student
 * does, then checks the next registration sees the change.
 */
describe.each(testDatabaseKinds())('registration memory invalidated in one process on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  let periodId: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    periodId = await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 6,
    });
  });
  afterAll(async () => t?.close());

  const register = (token: string, sectionId: number) => registerVia(t.app, token, sectionId);
  const admin = (method: 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    t.call(method, url, { token: t.adminToken, ...(body === undefined ? {} : { body }) });

  it('when an admin lowers the credit limit of the open period, the next registration is checked against it', async () => {
    const [a, b] = await studentTokens(t, dept, 2);
    const x = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 3 }));
    const y = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 3 }));
    expect((await register(a!.token, x)).statusCode).toBe(201);
    expect((await register(b!.token, x)).statusCode).toBe(201);

    const patched = await admin('PATCH', `/admin/api/periods/${periodId}`, { maxCredits: 3 });
    expect(patched.statusCode, patched.body).toBe(200);
    const res = await register(a!.token, y);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CREDIT_LIMIT', details: { maxCredits: 3 } } });
    expect(await admin('PATCH', `/admin/api/periods/${periodId}`, { maxCredits: 6 })).toMatchObject({
      statusCode: 200,
    });
    expect((await register(b!.token, y)).statusCode).toBe(201);
  });

  it('when an admin moves a section to another time, the next registration sees the conflict at the new time', async () => {
    const [s] = await studentTokens(t, dept, 1);
    const held = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['MON', '09:00', '10:00']],
    });
    const moved = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['TUE', '09:00', '10:00']],
    });
    const probe = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['MON', '09:30', '10:30']],
    });
    expect((await register(s!.token, held)).statusCode).toBe(201);
    // Both refusals and registrations leave the sections they read in memory.
    expect((await register(s!.token, probe)).json()).toMatchObject({ error: { code: 'TIME_CONFLICT' } });
    const [other] = await studentTokens(t, dept, 1);
    expect((await register(other!.token, moved)).statusCode).toBe(201);

    const patched = await admin('PATCH', `/admin/api/sections/${held}`, {
      meetings: [{ day: 'WED', start: '09:00', end: '10:00' }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const patched2 = await admin('PATCH', `/admin/api/sections/${moved}`, {
      meetings: [{ day: 'WED', start: '09:30', end: '10:30' }],
    });
    expect(patched2.statusCode, patched2.body).toBe(200);

    // `probe` no longer meets `held`; `moved` now does.
    const toProbe = await register(s!.token, probe);
    expect(toProbe.statusCode, toProbe.body).toBe(201);
    const toMoved = await register(s!.token, moved);
    expect(toMoved.json()).toMatchObject({ error: { code: 'TIME_CONFLICT', details: { sectionId: held } } });
  });

  it("when an admin changes a subject's credits before anyone enrolled, the next registration is charged the new credits", async () => {
    const [s, filler] = await studentTokens(t, dept, 2);
    const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
    const section = await makeSection(t.karina.db, subject, { capacity: 0 });
    // A refusal reads the section (credits included) into memory and enrolls nobody.
    expect((await register(filler!.token, section)).json()).toMatchObject({
      error: { code: 'SECTION_FULL' },
    });

    expect((await admin('PATCH', `/admin/api/subjects/${subject}`, { credits: 2 })).statusCode).toBe(200);
    expect((await admin('PATCH', `/admin/api/sections/${section}`, { capacity: 5 })).statusCode).toBe(200);
    const res = await register(s!.token, section);

    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enrollment: { credits: 2 }, totalCredits: 2 });
    const row = await t.karina.db
      .selectFrom('enrollments')
      .select('credits')
      .where('student_id', '=', s!.id)
      .executeTakeFirstOrThrow();
    expect(row.credits).toBe(2);
  });

  it("when credits change behind memory's back (no message), the enrollment still carries the committed credits", async () => {
    const [s, filler] = await studentTokens(t, dept, 2);
    const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
    const section = await makeSection(t.karina.db, subject);
    expect((await register(filler!.token, section)).statusCode).toBe(201);
    await t.karina.db.deleteFrom('enrollments').where('section_id', '=', section).execute();
    await t.karina.db.updateTable('sections').set({ taken: 0 }).where('id', '=', section).execute();
    await t.karina.db.updateTable('subjects').set({ credits: 1 }).where('id', '=', subject).execute();

    const res = await register(s!.token, section);

    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enrollment: { credits: 1 } });
    const row = await t.karina.db
      .selectFrom('enrollments')
      .select('credits')
      .where('student_id', '=', s!.id)
      .executeTakeFirstOrThrow();
    expect(row.credits).toBe(1);
  });

  it('when a full section loses a student (drop) or gains a seat (capacity), the next student gets the seat', async () => {
    const [holder, a, b, c] = await studentTokens(t, dept, 4);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 1,
    });
    expect((await register(holder!.token, section)).statusCode).toBe(201);
    expect((await register(a!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });
    expect((await register(a!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });

    const dropped = await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: holder!.token });
    expect(dropped.statusCode).toBe(204);
    expect((await register(a!.token, section)).statusCode).toBe(201);
    expect((await register(b!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });

    expect((await admin('PATCH', `/admin/api/sections/${section}`, { capacity: 2 })).statusCode).toBe(200);
    expect((await register(b!.token, section)).statusCode).toBe(201);
    expect((await register(c!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });
    // The new holder is on the roster the refusal remembered.
    expect((await register(a!.token, section)).json()).toMatchObject({ error: { code: 'ALREADY_ENROLLED' } });
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 2, rows: 2, capacity: 2 });
  });

  it('when a full section is remembered but registration is closed for the student year, the answer is still REGISTRATION_CLOSED', async () => {
    const [holder, other] = await studentTokens(t, dept, 2);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 1,
    });
    expect((await register(holder!.token, section)).statusCode).toBe(201);
    expect((await register(other!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });

    const closed = await admin('PATCH', `/admin/api/periods/${periodId}`, { years: [2, 3, 4] });
    expect(closed.statusCode, closed.body).toBe(200);
    try {
      for (const s of [holder!, other!]) {
        expect((await register(s.token, section)).json()).toMatchObject({
          error: { code: 'REGISTRATION_CLOSED' },
        });
      }
    } finally {
      await admin('PATCH', `/admin/api/periods/${periodId}`, { years: [1, 2, 3, 4] });
    }
  });

  it('when a student who holds a full section is deleted, the seat is takeable at once', async () => {
    const [holder, a] = await studentTokens(t, dept, 2);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 1,
    });
    expect((await register(holder!.token, section)).statusCode).toBe(201);
    expect((await register(a!.token, section)).json()).toMatchObject({ error: { code: 'SECTION_FULL' } });

    const deleted = await admin('DELETE', `/admin/api/students/${holder!.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await register(a!.token, section)).statusCode).toBe(201);
  });
});

const redisUrl = inject('redisUrl');

/** Resolves when this app's bus next hears the topic (from the other app, through Redis). */
function heard(app: FastifyInstance, topic: InvalidationTopic): Promise<void> {
  return new Promise((resolve) => {
    const off = app.deps.bus.subscribe(topic, () => {
      off();
      resolve();
    });
  });
}

describe.runIf(redisUrl)('registration memory invalidated across two processes sharing Redis', () => {
  const url = redisUrl ?? '';
  let a: TestApp;
  let b: FastifyInstance;
  let dept: number;
  let periodId: number;
  beforeAll(async () => {
    a = await createTestApp('sqlite', { service: 'all', redisUrl: url });
    b = await buildApp(testConfig({ service: 'all', redisUrl: url, dbUrl: a.config.dbUrl }), {
      db: a.karina.db,
      dialect: a.karina.dialect,
      clock: a.clock,
    });
    await b.ready();
    dept = (await makeDepartment(a.karina.db)).id;
    periodId = await makePeriod(a.karina.db, {
      opensAt: a.clock.now() - HOUR,
      closesAt: a.clock.now() + HOUR,
      maxCredits: 6,
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('when the other process frees a seat of a section this one remembers as full, the seat is takeable here', async () => {
    const [holder, s] = await studentTokens(a, dept, 2);
    const section = await makeSection(a.karina.db, await makeSubject(a.karina.db, dept, { credits: 1 }), {
      capacity: 1,
    });
    expect((await registerVia(a.app, holder!.token, section)).statusCode).toBe(201);
    expect((await registerVia(a.app, s!.token, section)).json()).toMatchObject({
      error: { code: 'SECTION_FULL' },
    });

    const told = heard(a.app, 'sections');
    const dropped = await b.inject({
      method: 'DELETE',
      url: `/sugang/api/enrollments/${section}`,
      headers: { authorization: `Bearer ${holder!.token}` },
    });
    expect(dropped.statusCode).toBe(204);
    await told;

    const res = await registerVia(a.app, s!.token, section);
    expect(res.statusCode, res.body).toBe(201);
  });

  it('when an admin changes the period in the other process, this one checks the next registration against it', async () => {
    const [s] = await studentTokens(a, dept, 1);
    const x = await makeSection(a.karina.db, await makeSubject(a.karina.db, dept, { credits: 3 }));
    const y = await makeSection(a.karina.db, await makeSubject(a.karina.db, dept, { credits: 3 }));
    expect((await registerVia(a.app, s!.token, x)).statusCode).toBe(201);

    const told = heard(a.app, 'periods');
    const patched = await b.inject({
      method: 'PATCH',
      url: `/admin/api/periods/${periodId}`,
      headers: { authorization: `Bearer ${a.adminToken}` },
      payload: { maxCredits: 3 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await told;

    const res = await registerVia(a.app, s!.token, y);
    expect(res.json()).toMatchObject({ error: { code: 'CREDIT_LIMIT', details: { maxCredits: 3 } } });
  });
});
