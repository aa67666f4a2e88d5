import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { createMonitorService, MONITOR_SECTIONS_LIMIT } from '../../src/modules/monitor/monitor.service.js';
import { REJECTIONS_KEY } from '../../src/platform/rejections.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  insertEnrollment,
  insertWaitlistEntry,
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
} from '../support/fixtures.js';
import { countingDb } from '../support/query-count.js';
import { expectError } from './fixtures.js';

const HOUR = 3_600_000;

interface Snapshot {
  generatedAt: string;
  refreshMs: number;
  openPeriods: { id: number; name: string; kind: string; closesAt: string }[];
  totals: { sections: number; capacity: number; enrolled: number; waitlisted: number; rejections: number };
  registrationsPerSecond: { last10s: number; last60s: number };
  sections: { id: number; enrolled: number; waitlisted: number; rejections: number; fillRate: number }[];
  sectionsLimit: number;
  sectionsTruncated: boolean;
  contested: { id: number }[];
  rejectionsSource: 'shared' | 'process';
}

async function studentsWithTokens(t: TestApp, departmentId: number, count: number) {
  const ids = await makeStudents(t.karina.db, departmentId, count);
  return Promise.all(ids.map(async (id) => ({ id, token: await t.tokenFor('student', id) })));
}

const register = (t: TestApp, token: string, sectionId: number) =>
  t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } });

describe.each(testDatabaseKinds())('live registration monitor on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    // Each test sees only its own sections and periods, and a snapshot older than the cache.
    await t.karina.db.deleteFrom('sections').execute();
    await t.karina.db.deleteFrom('periods').execute();
    t.clock.advance(10 * 60_000);
  });

  async function snapshot(): Promise<Snapshot> {
    const res = await t.call('GET', '/admin/api/monitor', { token: t.adminToken });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Snapshot>();
  }

  it('when students register, are refused and wait, the snapshot shows fill, wait-lists, rejections, rates and open periods', async () => {
    const db = t.karina.db;
    const dept = (await makeDepartment(db)).id;
    const now = t.clock.now();
    const period = await makePeriod(db, { opensAt: now - HOUR, closesAt: now + HOUR });
    await makePeriod(db, { opensAt: now + HOUR, closesAt: now + 2 * HOUR, kind: 'add_drop' });
    const hot = await makeSection(db, await makeSubject(db, dept, { code: 'M000001', name: '인기과목' }), {
      capacity: 1,
      meetings: [['MON', '09:00', '10:30']],
    });
    const calm = await makeSection(db, await makeSubject(db, dept, { code: 'M000002', name: '한산한과목' }), {
      capacity: 4,
      meetings: [['TUE', '09:00', '10:30']],
    });
    const idle = await makeSection(db, await makeSubject(db, dept, { code: 'M000003' }), { capacity: 10 });
    const [a, b, c, d] = await studentsWithTokens(t, dept, 4);
    expect((await register(t, a!.token, hot)).statusCode).toBe(201);
    expectError(await register(t, b!.token, hot), 409, 'SECTION_FULL');
    expectError(await register(t, c!.token, hot), 409, 'SECTION_FULL');
    const joined = await t.call('POST', '/sugang/api/waitlist', {
      token: b!.token,
      body: { sectionId: hot },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    // Enrollment rows 5 s, 30 s and 70 s old, beside the one made now: 2 in the last 10 s, 3 in the last 60 s.
    await insertEnrollment(db, d!.id, calm, now - 5_000);
    await insertEnrollment(db, c!.id, calm, now - 30_000);
    await insertEnrollment(db, b!.id, calm, now - 70_000);

    const snap = await snapshot();
    expect(snap).toMatchObject({
      generatedAt: new Date(now).toISOString(),
      refreshMs: 2_000,
      openPeriods: [
        {
          id: period,
          name: '테스트 수강신청',
          kind: 'registration',
          closesAt: new Date(now + HOUR).toISOString(),
        },
      ],
      totals: { sections: 3, capacity: 15, enrolled: 4, waitlisted: 1, rejections: 2 },
      registrationsPerSecond: { last10s: 2 / 10, last60s: 3 / 60 },
      sectionsLimit: MONITOR_SECTIONS_LIMIT,
      sectionsTruncated: false,
      rejectionsSource: 'process',
    });
    expect(snap.sections).toEqual([
      {
        id: hot,
        number: 1,
        subject: { id: expect.any(Number) as number, code: 'M000001', name: '인기과목' },
        capacity: 1,
        enrolled: 1,
        waitlisted: 1,
        rejections: 2,
        fillRate: 1,
      },
      expect.objectContaining({ id: calm, enrolled: 3, waitlisted: 0, rejections: 0, fillRate: 0.75 }),
      expect.objectContaining({ id: idle, enrolled: 0, fillRate: 0 }),
    ]);
    expect(snap.contested.map((s) => s.id)).toEqual([hot]);
  });

  it('when contested sections are ranked, the longest wait-list comes first, then the most rejections, at most ten', async () => {
    const db = t.karina.db;
    const dept = (await makeDepartment(db)).id;
    const subject = await makeSubject(db, dept);
    const sections: number[] = [];
    for (let i = 0; i < 13; i++) sections.push(await makeSection(db, subject, { capacity: 1 }));
    const students = await makeStudents(db, dept, 3);
    // Wait-lists of 3, 2 and 2 on sections 0, 1, 2; rejections on 2, 3 and 4..12.
    for (const s of students) await insertWaitlistEntry(db, s, sections[0]!);
    for (const s of students.slice(0, 2)) {
      await insertWaitlistEntry(db, s, sections[1]!);
      await insertWaitlistEntry(db, s, sections[2]!);
    }
    const rejections = t.app.deps.rejections;
    rejections.record(sections[2]!);
    for (let i = 0; i < 5; i++) rejections.record(sections[3]!);
    for (const s of sections.slice(4)) rejections.record(s);

    const snap = await snapshot();
    expect(snap.contested.map((s) => s.id)).toEqual([
      sections[0],
      sections[2],
      sections[1],
      sections[3],
      ...sections.slice(4, 10),
    ]);
  });

  it('when twenty admins poll at once, one snapshot is computed and shared; a new one only after 2 s', async () => {
    const db = t.karina.db;
    const dept = (await makeDepartment(db)).id;
    await makeSection(db, await makeSubject(db, dept), { capacity: 3 });
    const counted = countingDb(db);
    const monitor = createMonitorService({
      db: counted.db,
      clock: t.clock,
      rejections: t.app.deps.rejections,
    });

    const first = await Promise.all(Array.from({ length: 20 }, () => monitor.snapshot()));
    const perSnapshot = counted.count();
    expect(perSnapshot).toBe(3);
    expect(new Set(first).size).toBe(1);

    t.clock.advance(1_999);
    await Promise.all(Array.from({ length: 20 }, () => monitor.snapshot()));
    expect(counted.count()).toBe(perSnapshot);

    t.clock.advance(1);
    const [next] = await Promise.all(Array.from({ length: 20 }, () => monitor.snapshot()));
    expect(counted.count()).toBe(2 * perSnapshot);
    expect(next?.generatedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('when admins poll over HTTP within 2 s, they get the same snapshot even though seats changed meanwhile', async () => {
    const db = t.karina.db;
    const dept = (await makeDepartment(db)).id;
    const section = await makeSection(db, await makeSubject(db, dept), { capacity: 3 });
    const [s] = await makeStudents(db, dept, 1);
    const before = await Promise.all(Array.from({ length: 10 }, () => snapshot()));
    expect(new Set(before.map((b) => JSON.stringify(b))).size).toBe(1);
    await insertEnrollment(db, s!, section, t.clock.now());
    t.clock.advance(1_000);
    expect((await snapshot()).totals.enrolled).toBe(0);
    t.clock.advance(1_000);
    expect((await snapshot()).totals.enrolled).toBe(1);
  });

  it('when there are more sections than the list holds, the busiest are listed, the rest only counted', async () => {
    const db = t.karina.db;
    const dept = (await makeDepartment(db)).id;
    const subject = await makeSubject(db, dept);
    const count = MONITOR_SECTIONS_LIMIT + 5;
    await db
      .insertInto('sections')
      .values(
        Array.from({ length: count }, (_, i) => ({
          subject_id: subject,
          professor_id: null,
          number: i + 1,
          capacity: 10,
          taken: 0,
          created_at: 0,
        })),
      )
      .execute();
    const last = await db
      .selectFrom('sections')
      .select('id')
      .where('number', '=', count)
      .executeTakeFirstOrThrow();
    const [s] = await makeStudents(db, dept, 1);
    await insertEnrollment(db, s!, last.id, 0);
    const snap = await snapshot();
    expect(snap.totals).toMatchObject({ sections: count, capacity: 10 * count, enrolled: 1 });
    expect(snap.sections).toHaveLength(MONITOR_SECTIONS_LIMIT);
    expect(snap.sectionsTruncated).toBe(true);
    expect(snap.sections[0]?.id).toBe(last.id);
  });

  it('when a student asks for the monitor, it is 403; without a login, 401', async () => {
    const dept = (await makeDepartment(t.karina.db)).id;
    const [s] = await studentsWithTokens(t, dept, 1);
    expectError(await t.call('GET', '/admin/api/monitor', { token: s!.token }), 403, 'FORBIDDEN');
    expectError(await t.call('GET', '/admin/api/monitor'), 401, 'UNAUTHENTICATED');
  });
});

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl)('rejection counts shared through Redis', () => {
  const url = redisUrl ?? '';
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(url);
    await redis.del(REJECTIONS_KEY);
  });
  afterAll(async () => {
    await redis.del(REJECTIONS_KEY);
    await redis.quit();
  });

  it('when two registration processes refuse students, the student-service process reports both counts', async () => {
    const sugangA = await createTestApp('sqlite', { service: 'sugang', redisUrl: url });
    const shared = { db: sugangA.karina.db, dialect: sugangA.karina.dialect, clock: sugangA.clock };
    const sugangB = await buildApp(
      testConfig({ service: 'sugang', redisUrl: url, dbUrl: sugangA.config.dbUrl }),
      shared,
    );
    const student = await buildApp(
      testConfig({ service: 'student', redisUrl: url, dbUrl: sugangA.config.dbUrl }),
      shared,
    );
    try {
      const db = sugangA.karina.db;
      const now = sugangA.clock.now();
      await makePeriod(db, { opensAt: now - HOUR, closesAt: now + HOUR });
      const dept = (await makeDepartment(db)).id;
      const section = await makeSection(db, await makeSubject(db, dept), { capacity: 1 });
      const [first, ...others] = await studentsWithTokens(sugangA, dept, 4);
      expect((await register(sugangA, first!.token, section)).statusCode).toBe(201);
      const viaB = (token: string) =>
        sugangB.inject({
          method: 'POST',
          url: '/sugang/api/enrollments',
          headers: { authorization: `Bearer ${token}` },
          payload: { sectionId: section },
        });
      expectError(await register(sugangA, others[0]!.token, section), 409, 'SECTION_FULL');
      expectError(await viaB(others[1]!.token), 409, 'SECTION_FULL');
      expectError(await viaB(others[2]!.token), 409, 'SECTION_FULL');
      await sugangA.app.deps.rejections.flush();
      await sugangB.deps.rejections.flush();
      expect(await redis.hget(REJECTIONS_KEY, String(section))).toBe('3');

      const res = await student.inject({
        method: 'GET',
        url: '/admin/api/monitor',
        headers: { authorization: `Bearer ${sugangA.adminToken}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      const snap = res.json<Snapshot>();
      expect(snap.rejectionsSource).toBe('shared');
      expect(snap.sections.find((s) => s.id === section)).toMatchObject({ enrolled: 1, rejections: 3 });
      expect(snap.totals.rejections).toBe(3);
    } finally {
      await student.close();
      await sugangB.close();
      await sugangA.close();
    }
  });
});
