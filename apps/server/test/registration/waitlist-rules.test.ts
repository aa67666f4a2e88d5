import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  seatState,
} from '../support/fixtures.js';
import type { MeetingSpec } from '../support/fixtures.js';

const HOUR = 3_600_000;
const MAX_CREDITS = 9;

/**
 * The wait-list is held to registration's rules 2-4: joining answers what registering would
 * (except for the seat), and promotion drops entries that can no longer be served instead of
 * passing over them again on every drop.
 */
describe.each(testDatabaseKinds())('wait-list rules on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    // Year 4 has no open period: its wait-listed students can no longer register.
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      years: [1, 2, 3],
      maxCredits: MAX_CREDITS,
    });
  });
  afterAll(async () => t?.close());

  async function student(year = 1) {
    const [id] = await makeStudents(t.karina.db, dept, 1, { year });
    return { id: id!, token: await t.tokenFor('student', id!) };
  }
  const section = async (meetings: MeetingSpec[], options: { capacity?: number; subject?: number } = {}) =>
    makeSection(t.karina.db, options.subject ?? (await makeSubject(t.karina.db, dept, { credits: 3 })), {
      capacity: options.capacity ?? 30,
      meetings,
    });
  /** A section whose only seat is taken by someone else. */
  const fullSection = async (meetings: MeetingSpec[], subject?: number) => {
    const id = await section(meetings, { capacity: 1, ...(subject !== undefined ? { subject } : {}) });
    await insertEnrollment(t.karina.db, (await student()).id, id);
    return id;
  };
  const join = (token: string, sectionId: number) =>
    t.call('POST', '/sugang/api/waitlist', { token, body: { sectionId } });
  const register = (token: string, sectionId: number) =>
    t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } });
  const waiting = async (sectionId: number) =>
    (
      await t.karina.db
        .selectFrom('waitlist_entries')
        .select('student_id')
        .where('section_id', '=', sectionId)
        .orderBy('id')
        .execute()
    ).map((r) => r.student_id);

  it('when joining would give a time conflict with a held section, the join is 409 TIME_CONFLICT naming it and no entry is written', async () => {
    const s = await student();
    const held = await section([['MON', '09:00', '10:30']]);
    await insertEnrollment(t.karina.db, s.id, held);
    const full = await fullSection([['MON', '10:00', '11:00']]);

    const res = await join(s.token, full);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'TIME_CONFLICT', details: { sectionId: held } } });
    expect(await waiting(full)).toEqual([]);
  });

  it('when joining would pass the credit limit, the join is 409 CREDIT_LIMIT and no entry is written', async () => {
    const s = await student();
    for (const day of ['TUE', 'WED', 'THU'] as const)
      await insertEnrollment(t.karina.db, s.id, await section([[day, '09:00', '10:30']]));
    const full = await fullSection([['FRI', '09:00', '10:30']]);

    const res = await join(s.token, full);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'CREDIT_LIMIT', details: { heldCredits: 9, maxCredits: MAX_CREDITS } },
    });
    expect(await waiting(full)).toEqual([]);
  });

  it('when several rules fail at once, the join answers the same first rule as registration does', async () => {
    const s = await student();
    const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
    await insertEnrollment(t.karina.db, s.id, await section([['SAT', '09:00', '12:00']], { subject }));
    await insertEnrollment(t.karina.db, s.id, await section([['SAT', '13:00', '14:30']]));
    await insertEnrollment(t.karina.db, s.id, await section([['SAT', '15:00', '16:30']]));
    // Same subject, overlapping and over the limit: SAME_SUBJECT comes first.
    const sameSubject = await fullSection([['SAT', '10:00', '11:00']], subject);
    // Overlapping and over the limit: TIME_CONFLICT comes first.
    const overlapping = await fullSection([['SAT', '14:00', '15:00']]);
    for (const target of [sameSubject, overlapping]) {
      const viaRegister = await register(s.token, target);
      const viaJoin = await join(s.token, target);
      expect(viaJoin.statusCode).toBe(409);
      expect(viaJoin.json<{ error: { code: string } }>().error.code).toBe(
        viaRegister.json<{ error: { code: string } }>().error.code,
      );
    }
    expect(await waiting(sameSubject)).toEqual([]);
    expect(await waiting(overlapping)).toEqual([]);
  });

  it('when many waiters ahead are no longer eligible, one drop removes them with audit rows and promotes the first eligible one', async () => {
    const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
    const target = await section([['MON', '13:00', '14:30']], { capacity: 1, subject });
    const holder = await student();
    await insertEnrollment(t.karina.db, holder.id, target);
    const clash = await section([['MON', '14:00', '15:00']], { capacity: 100 });
    const sibling = await section([['TUE', '13:00', '14:30']], { capacity: 100, subject });
    const fillers = [
      await section([['WED', '13:00', '14:30']], { capacity: 100 }),
      await section([['THU', '13:00', '14:30']], { capacity: 100 }),
      await section([['FRI', '13:00', '14:30']], { capacity: 100 }),
    ];
    const PER_REASON = 10;
    const expected: { studentId: number; reason: string }[] = [];
    for (let i = 0; i < PER_REASON; i++) {
      const [overlap, credits, same] = await makeStudents(t.karina.db, dept, 3);
      const [closed] = await makeStudents(t.karina.db, dept, 1, { year: 4 });
      await insertEnrollment(t.karina.db, overlap!, clash);
      for (const f of fillers) await insertEnrollment(t.karina.db, credits!, f);
      await insertEnrollment(t.karina.db, same!, sibling);
      for (const id of [overlap!, credits!, same!, closed!])
        await insertWaitlistEntry(t.karina.db, id, target);
      expected.push(
        { studentId: overlap!, reason: 'TIME_CONFLICT' },
        { studentId: credits!, reason: 'CREDIT_LIMIT' },
        { studentId: same!, reason: 'SAME_SUBJECT' },
        { studentId: closed!, reason: 'REGISTRATION_CLOSED' },
      );
    }
    const [first, second] = [await student(), await student()];
    await insertWaitlistEntry(t.karina.db, first.id, target);
    await insertWaitlistEntry(t.karina.db, second.id, target);

    const drop = await t.call('DELETE', `/sugang/api/enrollments/${target}`, { token: holder.token });

    expect(drop.statusCode).toBe(204);
    const enrolled = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', target)
      .execute();
    expect(enrolled.map((r) => r.student_id)).toEqual([first.id]);
    expect(await seatState(t.karina.db, target)).toMatchObject({ taken: 1, rows: 1 });
    expect(await waiting(target)).toEqual([second.id]);
    const audit = await t.karina.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'waitlist.remove')
      .where('target', '=', `section:${target}`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}') as unknown)).toEqual(expected);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([holder.id]));
    const promote = await t.karina.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'enrollment.promote')
      .where('target', '=', `section:${target}`)
      .execute();
    expect(promote.map((a) => JSON.parse(a.detail ?? '{}') as unknown)).toEqual([{ studentId: first.id }]);
  });

  it('when every waiter is ineligible, the drop empties the list and the seat stays free for registration', async () => {
    const holder = await student();
    const target = await section([['TUE', '16:00', '17:00']], { capacity: 1 });
    await insertEnrollment(t.karina.db, holder.id, target);
    const [closed] = await makeStudents(t.karina.db, dept, 1, { year: 4 });
    await insertWaitlistEntry(t.karina.db, closed!, target);

    expect(
      (await t.call('DELETE', `/sugang/api/enrollments/${target}`, { token: holder.token })).statusCode,
    ).toBe(204);

    expect(await waiting(target)).toEqual([]);
    expect(await seatState(t.karina.db, target)).toMatchObject({ taken: 0, rows: 0 });
    expect((await register((await student()).token, target)).statusCode).toBe(201);
  });

  it('when a registrar raises a capacity while no period is open for any year, the wait-list is kept as it is', async () => {
    const target = await fullSection([['THU', '16:00', '17:00']]);
    const s = await student();
    await insertWaitlistEntry(t.karina.db, s.id, target);
    t.clock.advance(2 * HOUR);
    try {
      const patch = await t.call('PATCH', `/admin/api/sections/${target}`, {
        token: t.adminToken,
        body: { capacity: 2 },
      });

      expect(patch.statusCode).toBe(200);
      expect(await waiting(target)).toEqual([s.id]);
      expect(await seatState(t.karina.db, target)).toMatchObject({ taken: 1, rows: 1 });
      const removals = await t.karina.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'waitlist.remove')
        .where('target', '=', `section:${target}`)
        .execute();
      expect(removals).toEqual([]);
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });
});
