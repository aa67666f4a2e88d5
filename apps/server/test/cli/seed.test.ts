import { connectDatabase, migrateToLatest } from '@karina/db';
import type { DialectName, KarinaDb } from '@karina/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/platform/clock.js';
import { issueStudentNumber } from '../../src/platform/codes.js';
import { verifyPassword } from '../../src/platform/passwords.js';
import { inTransaction } from '../../src/platform/transactions.js';
import { planUniversity } from '../../src/seed/generate.js';
import type { SeedOptions } from '../../src/seed/generate.js';
import {
  DEMO_STUDENT_PASSWORD,
  SeedRefusedError,
  createStudentSessions,
  seedUniversity,
} from '../../src/seed/seed.js';
import type { SeedRunOptions } from '../../src/seed/seed.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { createTestDatabaseUrl, testDatabaseKinds } from '../support/databases.js';

const NOW = Date.UTC(2026, 1, 16, 1, 0, 0);
const SMALL: SeedOptions = { students: 60, sections: 20, departments: 4, seed: 7, now: NOW };

function runOptions(overrides: Partial<SeedRunOptions> = {}): SeedRunOptions {
  return { ...SMALL, studentPassword: DEMO_STUDENT_PASSWORD, ifNotEmpty: 'fail', ...overrides };
}

async function freshDatabase(kind: DialectName): Promise<KarinaDb> {
  const karina = connectDatabase(await createTestDatabaseUrl(kind), { poolSize: 5 });
  await migrateToLatest(karina.db, karina.dialect);
  return karina;
}

/** Everything a person would recognise, in a stable order, without ids or issued codes. */
async function snapshot(karina: KarinaDb) {
  const { db } = karina;
  return {
    departments: await db.selectFrom('departments').select('name').orderBy('id').execute(),
    professors: await db.selectFrom('professors').select('name').orderBy('id').execute(),
    subjects: await db
      .selectFrom('subjects')
      .select(['name', 'credits', 'type', 'target_year'])
      .orderBy('id')
      .execute(),
    sections: await db
      .selectFrom('sections as s')
      .innerJoin('subjects as j', 'j.id', 's.subject_id')
      .select(['j.name', 's.number', 's.capacity'])
      .orderBy('s.id')
      .execute(),
    meetings: await db
      .selectFrom('section_meetings')
      .select(['day', 'start_min', 'end_min'])
      .orderBy('id')
      .execute(),
    students: await db
      .selectFrom('students')
      .select(['name', 'year', 'entry_year', 'tel', 'email', 'birth_date', 'postcode', 'address1'])
      .orderBy('id')
      .execute(),
  };
}

describe('planUniversity', () => {
  it('when the same options are planned twice, the plans are identical; another seed changes them', () => {
    const a = planUniversity({ ...SMALL, students: 500, sections: 120 });
    const b = planUniversity({ ...SMALL, students: 500, sections: 120 });
    const c = planUniversity({ ...SMALL, students: 500, sections: 120, seed: 8 });
    expect(b).toEqual(a);
    expect(c.students.map((s) => s.name)).not.toEqual(a.students.map((s) => s.name));
  });

  it('when the defaults are planned, there are at least 10 departments, 2,000 students and 300 sections', () => {
    const plan = planUniversity({ students: 2000, sections: 300, departments: 12, seed: 1, now: NOW });
    expect(plan.departments.length).toBeGreaterThanOrEqual(10);
    expect(plan.students).toHaveLength(2000);
    expect(plan.sections).toHaveLength(300);
    expect(new Set(plan.departments.map((d) => d.name)).size).toBe(plan.departments.length);
    expect(plan.subjects.every((s) => s.credits >= 1 && s.credits <= 4)).toBe(true);
    expect(plan.sections.every((s) => s.capacity >= 20 && s.capacity <= 120)).toBe(true);
    const threes = plan.subjects.filter((s) => s.credits === 3).length;
    expect(threes / plan.subjects.length).toBeGreaterThan(0.6);
  });

  it('when more students are asked for than 학번 NNN can number, the options are refused', () => {
    expect(() => planUniversity({ ...SMALL, departments: 1, students: 4 * 999 + 1 })).toThrow(
      /more --departments/,
    );
  });
});

describe.each(testDatabaseKinds())('seedUniversity on $label', ({ name }) => {
  let karina: KarinaDb;
  let seeded: Awaited<ReturnType<typeof seedUniversity>>;
  const phases: string[] = [];

  beforeAll(async () => {
    karina = await freshDatabase(name);
    seeded = await seedUniversity(karina.db, karina.dialect, runOptions(), (p) => {
      if (phases.at(-1) !== p.phase) phases.push(p.phase);
    });
  });
  afterAll(async () => karina?.close());

  it('when a small university is seeded, the counts it reports are the rows in the database', async () => {
    if (!seeded.seeded) throw new Error('expected a seed');
    const count = async (
      table:
        | 'departments'
        | 'professors'
        | 'subjects'
        | 'sections'
        | 'section_meetings'
        | 'periods'
        | 'posts'
        | 'notices'
        | 'students',
    ) =>
      Number(
        (
          await karina.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(seeded.counts).toMatchObject({ departments: 5, sections: 20, students: 60, periods: 3 });
    expect(await count('departments')).toBe(5);
    expect(await count('students')).toBe(60);
    expect(await count('sections')).toBe(20);
    expect(await count('section_meetings')).toBe(seeded.counts.meetings);
    expect(await count('subjects')).toBe(seeded.counts.subjects);
    expect(await count('professors')).toBe(seeded.counts.professors);
    expect(await count('periods')).toBe(3);
    expect(await count('posts')).toBeGreaterThanOrEqual(2 * 5);
    expect(await count('notices')).toBe(3);
    expect(seeded.students).toHaveLength(60);
    expect(phases).toContain('students');
  });

  it('when seeded, every meeting is on 30-minute steps within 09:00-18:00 and no section overlaps itself', async () => {
    const meetings = await karina.db
      .selectFrom('section_meetings')
      .select(['section_id', 'day', 'start_min', 'end_min'])
      .execute();
    expect(meetings.length).toBeGreaterThanOrEqual(20);
    for (const m of meetings) {
      expect(m.start_min % 30).toBe(0);
      expect(m.end_min % 30).toBe(0);
      expect(m.start_min).toBeGreaterThanOrEqual(9 * 60);
      expect(m.end_min).toBeLessThanOrEqual(18 * 60);
      expect(m.start_min).toBeLessThan(m.end_min);
      expect(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']).toContain(m.day);
    }
    for (const a of meetings) {
      for (const b of meetings) {
        if (a === b || a.section_id !== b.section_id || a.day !== b.day) continue;
        expect(a.start_min < b.end_min && b.start_min < a.end_min).toBe(false);
      }
    }
  });

  it('when seeded, every 학번 is YY+DD+NNN of its entry year and department, unique, and the year fits', async () => {
    const rows = await karina.db
      .selectFrom('students as s')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.student_no', 's.entry_year', 's.year', 'd.code', 'd.name', 's.tel', 's.postcode'])
      .execute();
    expect(new Set(rows.map((r) => r.student_no)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.student_no).toMatch(/^[0-9]{7}$/);
      expect(r.student_no.slice(0, 2)).toBe(String(r.entry_year % 100).padStart(2, '0'));
      expect(r.student_no.slice(2, 4)).toBe(r.code);
      expect(r.entry_year).toBe(2026 - r.year + 1);
      expect(r.year).toBeGreaterThanOrEqual(1);
      expect(r.year).toBeLessThanOrEqual(4);
      expect(r.name).not.toBe('교양학부');
      expect(r.tel).toMatch(/^010-[0-9]{4}-[0-9]{4}$/);
      expect(r.postcode).toMatch(/^[0-9]{5}$/);
    }
  });

  it('when seeded, students share the demo password without a forced change', async () => {
    const rows = await karina.db
      .selectFrom('students')
      .select(['password_hash', 'must_change_password'])
      .execute();
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(1);
    expect(rows.every((r) => r.must_change_password === 0)).toBe(true);
    expect(await verifyPassword(rows[0]?.password_hash ?? '', DEMO_STUDENT_PASSWORD)).toBe(true);
  });

  it('when seeded, the cart period has closed, registration is open now for years 1-4 and add/drop follows', async () => {
    const periods = await karina.db.selectFrom('periods').selectAll().orderBy('opens_at').execute();
    expect(periods.map((p) => p.kind)).toEqual(['cart', 'registration', 'add_drop']);
    const [cart, registration, addDrop] = periods;
    expect(cart?.closes_at).toBeLessThanOrEqual(NOW);
    expect(registration).toMatchObject({
      opens_at: NOW,
      closes_at: NOW + 14 * 86_400_000,
      years_mask: 15,
      max_credits: 18,
    });
    expect(addDrop?.opens_at).toBeGreaterThanOrEqual(registration?.closes_at ?? Infinity);
  });

  it('when a student is created after seeding, issueStudentNumber gives a number no seeded student has', async () => {
    const student = await karina.db
      .selectFrom('students as s')
      .innerJoin('departments as d', 'd.id', 's.department_id')
      .select(['s.entry_year', 'd.code'])
      .orderBy('s.id')
      .executeTakeFirstOrThrow();
    const existing = new Set(
      (await karina.db.selectFrom('students').select('student_no').execute()).map((r) => r.student_no),
    );
    const next = await inTransaction(karina.db, (trx) =>
      issueStudentNumber(trx, karina.dialect, student.entry_year, student.code),
    );
    expect(next.slice(0, 4)).toBe(`${String(student.entry_year % 100).padStart(2, '0')}${student.code}`);
    expect(existing.has(next)).toBe(false);
  });

  it('when the database already holds a university, fail refuses, skip leaves it and reset replaces it', async () => {
    const before = await snapshot(karina);
    const numbersBefore = (await karina.db.selectFrom('students').select('student_no').execute()).map(
      (r) => r.student_no,
    );
    await expect(seedUniversity(karina.db, karina.dialect, runOptions())).rejects.toBeInstanceOf(
      SeedRefusedError,
    );
    expect(await seedUniversity(karina.db, karina.dialect, runOptions({ ifNotEmpty: 'skip' }))).toEqual({
      seeded: false,
    });
    expect(await snapshot(karina)).toEqual(before);

    const again = await seedUniversity(karina.db, karina.dialect, runOptions({ ifNotEmpty: 'reset' }));
    expect(again.seeded).toBe(true);
    const after = await snapshot(karina);
    expect(after.students.map((s) => s.name)).toEqual(before.students.map((s) => s.name));
    const numbersAfter = (await karina.db.selectFrom('students').select('student_no').execute()).map(
      (r) => r.student_no,
    );
    expect(numbersAfter).toHaveLength(60);
    // The registrar's notices are replaced, not doubled.
    expect((await karina.db.selectFrom('notices').select('id').execute()).length).toBe(3);
    // A reset never hands out a 학번 again: the registry of issued codes survives it.
    expect(numbersAfter.filter((n) => numbersBefore.includes(n))).toEqual([]);
    const audit = await karina.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['seed.university', 'seed.reset', 'seed.university']);
  });

  it('when the same seed is used on two fresh databases, names and meetings are the same; another seed differs', async () => {
    const one = await freshDatabase(name);
    const two = await freshDatabase(name);
    const three = await freshDatabase(name);
    try {
      await seedUniversity(one.db, one.dialect, runOptions());
      await seedUniversity(two.db, two.dialect, runOptions());
      await seedUniversity(three.db, three.dialect, runOptions({ seed: 8 }));
      const a = await snapshot(one);
      expect(a.students).toHaveLength(60);
      expect(await snapshot(two)).toEqual(a);
      const c = await snapshot(three);
      expect(c.students.map((s) => s.name)).not.toEqual(a.students.map((s) => s.name));
      expect(c.departments).toEqual(a.departments);
    } finally {
      await Promise.all([one.close(), two.close(), three.close()]);
    }
  });
});

describe.each(testDatabaseKinds())('seeded student tokens on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name, {}, new FakeClock(NOW));
  });
  afterAll(async () => t?.close());

  it('when sessions are created for seeded students, each token opens GET /student/api/me as that student', async () => {
    const seeded = await seedUniversity(t.karina.db, t.karina.dialect, runOptions({ now: t.clock.now() }));
    if (!seeded.seeded) throw new Error('expected a seed');
    const tokens = await createStudentSessions(t.karina.db, seeded.students, {
      now: t.clock.now(),
      ttlMs: t.config.sessionTtlMs,
    });
    expect(tokens).toHaveLength(60);
    expect(new Set(tokens.map((x) => x.token)).size).toBe(60);
    for (const { studentNo, token } of [tokens[0], tokens[59]].filter((x) => x !== undefined)) {
      const res = await t.call('GET', '/student/api/me', { token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ role: 'student', studentNo, mustChangePassword: false });
    }
    const stored = await t.karina.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('role', '=', 'student')
      .execute();
    expect(stored).toHaveLength(60);
    expect(stored.some((s) => tokens.some((x) => x.token === s.token_hash))).toBe(false);

    t.clock.advance(t.config.sessionTtlMs);
    expect((await t.call('GET', '/student/api/me', { token: tokens[0]?.token })).statusCode).toBe(401);
  });
});
