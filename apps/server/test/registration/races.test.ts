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
import type { MeetingSpec } from '../support/fixtures.js';

const HOUR = 3_600_000;

function codesOf(responses: { statusCode: number; json: () => unknown }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key =
      r.statusCode < 300 ? String(r.statusCode) : (r.json() as { error: { code: string } }).error.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each(testDatabaseKinds())('registration races on $label', ({ name }) => {
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

  async function tokens(ids: number[]): Promise<string[]> {
    return Promise.all(ids.map((id) => t.tokenFor('student', id)));
  }

  it('when 300 students race for 40 seats, exactly 40 are enrolled, 260 get SECTION_FULL and the counter equals the rows', async () => {
    const ids = await makeStudents(t.karina.db, dept, 300);
    const toks = await tokens(ids);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 40,
      meetings: [['MON', '09:00', '10:30']],
    });

    const responses = await Promise.all(
      toks.map((token) => t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } })),
    );

    expect(codesOf(responses)).toEqual({ '201': 40, SECTION_FULL: 260 });
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 40, rows: 40, capacity: 40 });
    const winners = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    expect(new Set(winners.map((w) => w.student_id)).size).toBe(40);
  });

  it('when one student fires 30 parallel requests mixing duplicates, time conflicts and too many credits, no rule is broken', async () => {
    const [studentId] = await makeStudents(t.karina.db, dept, 1);
    const [token] = await tokens([studentId!]);
    // Ten 3-credit subjects (max 18 credits -> at most 6 fit); pairs (0,1), (2,3), (4,5) overlap in time,
    // subject 6 has two sections, and every request is sent three times.
    const specs: MeetingSpec[][] = [
      [['TUE', '09:00', '12:00']],
      [['TUE', '10:00', '10:30']],
      [['WED', '09:00', '10:30']],
      [['WED', '10:00', '11:30']],
      [['THU', '13:00', '14:30']],
      [['THU', '12:30', '13:30']],
      [['FRI', '09:00', '10:30']],
      [['FRI', '13:00', '14:30']],
      [['SAT', '09:00', '10:30']],
      [['MON', '15:00', '16:30']],
    ];
    const sections: number[] = [];
    for (const meetings of specs) {
      sections.push(
        await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 3 }), {
          capacity: 50,
          meetings,
        }),
      );
    }
    const sixth = await t.karina.db
      .selectFrom('sections')
      .select('subject_id')
      .where('id', '=', sections[6]!)
      .executeTakeFirstOrThrow();
    const sibling = await makeSection(t.karina.db, sixth.subject_id, {
      capacity: 50,
      meetings: [['FRI', '16:00', '17:30']],
    });
    const targets = [...sections.slice(0, 9), sibling];
    const requests = [...targets, ...targets, ...targets];
    expect(requests).toHaveLength(30);

    const responses = await Promise.all(
      requests.map((sectionId) => t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } })),
    );

    const codes = codesOf(responses);
    for (const code of Object.keys(codes)) {
      expect(['201', 'ALREADY_ENROLLED', 'SAME_SUBJECT', 'TIME_CONFLICT', 'CREDIT_LIMIT']).toContain(code);
    }
    const held = await t.karina.db
      .selectFrom('enrollments')
      .select(['section_id', 'subject_id', 'credits'])
      .where('student_id', '=', studentId!)
      .execute();
    expect(held).toHaveLength(codes['201'] ?? 0);
    expect(new Set(held.map((h) => h.section_id)).size).toBe(held.length);
    expect(new Set(held.map((h) => h.subject_id)).size).toBe(held.length);
    expect(held.reduce((s, h) => s + h.credits, 0)).toBeLessThanOrEqual(18);
    const meetings = await t.karina.db
      .selectFrom('section_meetings')
      .select(['section_id', 'day', 'start_min', 'end_min'])
      .where(
        'section_id',
        'in',
        held.map((h) => h.section_id),
      )
      .execute();
    for (const a of meetings) {
      for (const b of meetings) {
        if (a.section_id === b.section_id || a.day !== b.day) continue;
        expect(
          a.start_min < b.end_min && b.start_min < a.end_min,
          `sections ${a.section_id} and ${b.section_id} overlap`,
        ).toBe(false);
      }
    }
    for (const sectionId of targets) {
      const state = await seatState(t.karina.db, sectionId);
      expect(state.taken).toBe(state.rows);
    }
    // At most one of each overlapping pair, and the credit cap really bound: 6 of 9 subjects fit.
    expect(held.length).toBe(6);
  });

  it('when drops race registrations on a full section with a wait-list, counters and rows agree and nobody is promoted twice', async () => {
    const capacity = 10;
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity,
      meetings: [['WED', '18:00', '19:30']],
    });
    const holders = await makeStudents(t.karina.db, dept, capacity);
    const waiters = await makeStudents(t.karina.db, dept, 10);
    const racers = await makeStudents(t.karina.db, dept, 40);
    const [holderTokens, waiterTokens, racerTokens] = [
      await tokens(holders),
      await tokens(waiters),
      await tokens(racers),
    ];
    for (const token of holderTokens) {
      expect(
        (await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } })).statusCode,
      ).toBe(201);
    }
    for (const token of waiterTokens) {
      expect(
        (await t.call('POST', '/sugang/api/waitlist', { token, body: { sectionId: section } })).statusCode,
      ).toBe(201);
    }

    const drops = holderTokens
      .slice(0, 6)
      .map((token) => t.call('DELETE', `/sugang/api/enrollments/${section}`, { token }));
    const regs = racerTokens.map((token) =>
      t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } }),
    );
    const rejoin = holderTokens
      .slice(6)
      .map((token) => t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } }));
    const [dropRes, regRes, rejoinRes] = await Promise.all([
      Promise.all(drops),
      Promise.all(regs),
      Promise.all(rejoin),
    ]);

    expect(dropRes.every((r) => r.statusCode === 204)).toBe(true);
    expect(codesOf(rejoinRes)).toEqual({ ALREADY_ENROLLED: 4 });
    const state = await seatState(t.karina.db, section);
    expect(state.taken).toBe(state.rows);
    expect(state.taken).toBe(capacity);
    const enrolled = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    const enrolledIds = new Set(enrolled.map((e) => e.student_id));
    expect(enrolledIds.size).toBe(enrolled.length);
    // Freed seats go to the wait-list in the drop's own transaction, so the first six waiters get them,
    // in order, and racers who arrive later find the section full.
    const promoted = waiters.filter((w) => enrolledIds.has(w));
    expect(promoted).toEqual(waiters.slice(0, 6));
    expect(codesOf(regRes)).toEqual({ SECTION_FULL: 40 });
    const stillWaiting = await t.karina.db
      .selectFrom('waitlist_entries')
      .select('student_id')
      .where('section_id', '=', section)
      .orderBy('id')
      .execute();
    expect(stillWaiting.map((w) => w.student_id)).toEqual(waiters.slice(6));
    const promotions = await t.karina.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'enrollment.promote')
      .where('target', '=', `section:${section}`)
      .execute();
    expect(promotions).toHaveLength(6);
  });

  it('when one student repeats a request 20 times at once with the same Idempotency-Key, all get the first outcome and one seat is taken', async () => {
    const [id] = await makeStudents(t.karina.db, dept, 1);
    const [token] = await tokens([id!]);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['SAT', '15:00', '16:00']],
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call('POST', '/sugang/api/enrollments', {
          token: token!,
          body: { sectionId: section },
          headers: { 'idempotency-key': `same-${id}` },
        }),
      ),
    );
    expect(codesOf(responses)).toEqual({ '201': 20 });
    const bodies = new Set(responses.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 1, rows: 1, capacity: 5 });
  });
});
