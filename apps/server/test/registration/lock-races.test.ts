import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const ROUNDS = 30;

/**
 * Races between two different operations on one section, repeated: each round is a fresh section,
 * and the invariant must hold after every round. On MariaDB these failed most rounds before the
 * section lock (wait-list join), the claimed entry (promotion vs leave) and the shared subject lock
 * (credits change) were added.
 */
describe.each(testDatabaseKinds())('lock races on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 18,
    });
  });
  afterAll(async () => t?.close());

  async function pairs(n: number) {
    const holders = await makeStudents(t.karina.db, dept, n);
    const others = await makeStudents(t.karina.db, dept, n);
    return Promise.all(
      holders.map(async (h, i) => ({
        holder: await t.tokenFor('student', h),
        other: await t.tokenFor('student', others[i]!),
        otherId: others[i]!,
      })),
    );
  }

  it('when a drop races a wait-list join on a full section, a seat never stays free while someone waits', async () => {
    const subject = await makeSubject(t.karina.db, dept, { credits: 1 });
    for (const p of await pairs(ROUNDS)) {
      const section = await makeSection(t.karina.db, subject, {
        capacity: 1,
        meetings: [['SAT', '09:00', '10:00']],
      });
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token: p.holder, body: { sectionId: section } }))
          .statusCode,
      ).toBe(201);
      const [drop, join] = await Promise.all([
        t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: p.holder }),
        t.call('POST', '/sugang/api/waitlist', { token: p.other, body: { sectionId: section } }),
      ]);
      expect(drop.statusCode).toBe(204);
      if (join.statusCode !== 201) {
        expect(join.statusCode).toBe(409);
        expect(join.json()).toMatchObject({ error: { code: 'SEATS_AVAILABLE' } });
      }
      const state = await seatState(t.karina.db, section);
      const waiting = await t.karina.db
        .selectFrom('waitlist_entries')
        .select('id')
        .where('section_id', '=', section)
        .execute();
      expect(state.taken).toBe(state.rows);
      expect(state.taken < state.capacity && waiting.length > 0, `round on section ${section}`).toBe(false);
    }
  });

  it('when a student leaves the wait-list while a drop promotes from it, a successful leave is never followed by an enrollment', async () => {
    const subject = await makeSubject(t.karina.db, dept, { credits: 1 });
    for (const p of await pairs(ROUNDS)) {
      const section = await makeSection(t.karina.db, subject, {
        capacity: 1,
        meetings: [['SAT', '11:00', '12:00']],
      });
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token: p.holder, body: { sectionId: section } }))
          .statusCode,
      ).toBe(201);
      expect(
        (await t.call('POST', '/sugang/api/waitlist', { token: p.other, body: { sectionId: section } }))
          .statusCode,
      ).toBe(201);
      const [drop, leave] = await Promise.all([
        t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: p.holder }),
        t.call('DELETE', `/sugang/api/waitlist/${section}`, { token: p.other }),
      ]);
      const enrolled = await t.karina.db
        .selectFrom('enrollments')
        .select('id')
        .where('section_id', '=', section)
        .where('student_id', '=', p.otherId)
        .execute();
      expect(drop.statusCode).toBe(204);
      if (leave.statusCode !== 204) expect(leave.json()).toMatchObject({ error: { code: 'NOT_WAITLISTED' } });
      // Either the leave won (nobody is promoted, the seat stays free) or the promotion won.
      const leaveWon = leave.statusCode === 204;
      expect(enrolled).toHaveLength(leaveWon ? 0 : 1);
      const state = await seatState(t.karina.db, section);
      expect(state).toMatchObject({ taken: leaveWon ? 0 : 1, rows: leaveWon ? 0 : 1 });
    }
  });

  it('when an ineligible waiter leaves the list while a drop removes them from it, exactly one of the two records it', async () => {
    const subject = await makeSubject(t.karina.db, dept, { credits: 1 });
    const blocker = await makeSubject(t.karina.db, dept, { credits: 1 });
    for (const p of await pairs(ROUNDS)) {
      const section = await makeSection(t.karina.db, subject, {
        capacity: 1,
        meetings: [['SAT', '13:00', '14:00']],
      });
      const clash = await makeSection(t.karina.db, blocker, {
        capacity: 1,
        meetings: [['SAT', '13:30', '14:30']],
      });
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token: p.holder, body: { sectionId: section } }))
          .statusCode,
      ).toBe(201);
      expect(
        (await t.call('POST', '/sugang/api/waitlist', { token: p.other, body: { sectionId: section } }))
          .statusCode,
      ).toBe(201);
      // The waiter takes an overlapping section, so the drop finds them ineligible.
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token: p.other, body: { sectionId: clash } }))
          .statusCode,
      ).toBe(201);

      const [drop, leave] = await Promise.all([
        t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: p.holder }),
        t.call('DELETE', `/sugang/api/waitlist/${section}`, { token: p.other }),
      ]);

      expect(drop.statusCode).toBe(204);
      const removals = await t.karina.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'waitlist.remove')
        .where('target', '=', `section:${section}`)
        .execute();
      if (leave.statusCode === 204) expect(removals).toHaveLength(0);
      else {
        expect(leave.json()).toMatchObject({ error: { code: 'NOT_WAITLISTED' } });
        expect(removals).toHaveLength(1);
      }
      expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 0, rows: 0 });
      const left = await t.karina.db
        .selectFrom('waitlist_entries')
        .select('id')
        .where('section_id', '=', section)
        .execute();
      expect(left).toHaveLength(0);
    }
  });

  it("when an admin changes a subject's credits while a student registers, the enrollment never carries stale credits", async () => {
    const students = await makeStudents(t.karina.db, dept, ROUNDS);
    for (const id of students) {
      const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
      const section = await makeSection(t.karina.db, subject, {
        capacity: 5,
        meetings: [['FRI', '09:00', '10:00']],
      });
      const token = await t.tokenFor('student', id);
      const [reg, patch] = await Promise.all([
        t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } }),
        t.call('PATCH', `/admin/api/subjects/${subject}`, { token: t.adminToken, body: { credits: 6 } }),
      ]);
      expect(reg.statusCode).toBe(201);
      expect([200, 409]).toContain(patch.statusCode);
      const stored = await t.karina.db
        .selectFrom('subjects')
        .select('credits')
        .where('id', '=', subject)
        .executeTakeFirstOrThrow();
      const enrollment = await t.karina.db
        .selectFrom('enrollments')
        .select('credits')
        .where('subject_id', '=', subject)
        .executeTakeFirstOrThrow();
      expect(enrollment.credits).toBe(stored.credits);
      expect(reg.json<{ enrollment: { credits: number } }>().enrollment.credits).toBe(stored.credits);
    }
  });

  it('when two admins edit one period at once, the window never ends up closing before it opens', async () => {
    const DAY = 86_400_000;
    for (let i = 0; i < ROUNDS; i++) {
      // A fresh window each round: rounds must not overlap one another (PERIOD_OVERLAP).
      const base = t.clock.now() + (100 + 30 * i) * DAY;
      const id = await makePeriod(t.karina.db, { opensAt: base + 10 * DAY, closesAt: base + 20 * DAY });
      const iso = (ms: number) => new Date(ms).toISOString();
      const [a, b] = await Promise.all([
        t.call('PATCH', `/admin/api/periods/${id}`, {
          token: t.adminToken,
          body: { opensAt: iso(base + 15 * DAY) },
        }),
        t.call('PATCH', `/admin/api/periods/${id}`, {
          token: t.adminToken,
          body: { closesAt: iso(base + 12 * DAY) },
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
      const row = await t.karina.db
        .selectFrom('periods')
        .select(['opens_at', 'closes_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(row.closes_at)).toBeGreaterThan(Number(row.opens_at));
    }
  });
});
