import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodKind } from '@karina/db';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  insertCartItem,
  insertEnrollment,
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';
import type { MeetingSpec } from '../support/fixtures.js';

const HOUR = 3_600_000;

/**
 * Rules that the older suites never pinned down: each test here went red when its rule was broken
 * on purpose (the list is in the issue note).
 */
describe.each(testDatabaseKinds())('registration rule gaps on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.karina.db.deleteFrom('periods').execute();
  });

  const openPeriod = (kind: PeriodKind = 'registration', maxCredits = 18) =>
    makePeriod(t.karina.db, {
      kind,
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits,
    });
  async function student(year = 1) {
    const [id] = await makeStudents(t.karina.db, dept, 1, { year });
    return { id: id!, token: await t.tokenFor('student', id!) };
  }
  const section = async (
    options: {
      credits?: number;
      subject?: number;
      capacity?: number;
      meetings?: MeetingSpec[];
      name?: string;
    } = {},
  ) => {
    const subject =
      options.subject ??
      (await makeSubject(t.karina.db, dept, {
        credits: options.credits ?? 3,
        ...(options.name ? { name: options.name } : {}),
      }));
    const id = await makeSection(t.karina.db, subject, {
      capacity: options.capacity ?? 10,
      meetings: options.meetings ?? [],
    });
    return { id, subject };
  };
  const register = (token: string, sectionId: number, headers?: Record<string, string>) =>
    t.call('POST', '/sugang/api/enrollments', {
      token,
      body: { sectionId },
      ...(headers ? { headers } : {}),
    });
  const held = async (studentId: number) =>
    (
      await t.karina.db
        .selectFrom('enrollments')
        .select('section_id')
        .where('student_id', '=', studentId)
        .orderBy('section_id')
        .execute()
    ).map((r) => r.section_id);
  const waiting = async (studentId: number) =>
    (
      await t.karina.db
        .selectFrom('waitlist_entries')
        .select('section_id')
        .where('student_id', '=', studentId)
        .execute()
    ).map((r) => r.section_id);

  it('when two students send the same Idempotency-Key for the same request, each gets their own outcome', async () => {
    await openPeriod();
    const [a, b] = [await student(), await student()];
    const s = await section({ capacity: 5 });
    const key = { 'idempotency-key': 'same-key-for-everyone' };

    const first = await register(a.token, s.id, key);
    const second = await register(b.token, s.id, key);

    expect(first.statusCode).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(await held(a.id)).toEqual([s.id]);
    expect(await held(b.id)).toEqual([s.id]);
    expect(await seatState(t.karina.db, s.id)).toMatchObject({ taken: 2, rows: 2 });
    const replay = await register(b.token, s.id, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await seatState(t.karina.db, s.id)).toMatchObject({ taken: 2, rows: 2 });
  });

  it('when no registration or add/drop period is open (only a cart period), dropping and joining a wait-list are 403 REGISTRATION_CLOSED and change nothing', async () => {
    await openPeriod('cart');
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      years: [2, 3, 4],
    });
    const s = await student(1);
    const mine = await section({ capacity: 3 });
    await insertEnrollment(t.karina.db, s.id, mine.id);
    const full = await section({ capacity: 1 });
    const [other] = await makeStudents(t.karina.db, dept, 1);
    await insertEnrollment(t.karina.db, other!, full.id);

    const drop = await t.call('DELETE', `/sugang/api/enrollments/${mine.id}`, { token: s.token });
    const join = await t.call('POST', '/sugang/api/waitlist', {
      token: s.token,
      body: { sectionId: full.id },
    });

    expect(drop.statusCode).toBe(403);
    expect(drop.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
    expect(join.statusCode).toBe(403);
    expect(join.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
    expect(await held(s.id)).toEqual([mine.id]);
    expect(await seatState(t.karina.db, mine.id)).toMatchObject({ taken: 1, rows: 1 });
    expect(await waiting(s.id)).toEqual([]);
  });

  it('when only an add/drop (정정) period is open, registering succeeds', async () => {
    await openPeriod('add_drop');
    const s = await student();
    const target = await section();

    const res = await register(s.token, target.id);

    expect(res.statusCode, res.body).toBe(201);
    expect(await held(s.id)).toEqual([target.id]);
  });

  it('when the student holds one section of a subject, joining the wait-list of another full section of it is 409 SAME_SUBJECT', async () => {
    await openPeriod();
    const s = await student();
    const first = await section({ capacity: 5 });
    const second = await section({ subject: first.subject, capacity: 1 });
    await insertEnrollment(t.karina.db, s.id, first.id);
    const [other] = await makeStudents(t.karina.db, dept, 1);
    await insertEnrollment(t.karina.db, other!, second.id);

    const res = await t.call('POST', '/sugang/api/waitlist', {
      token: s.token,
      body: { sectionId: second.id },
    });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'SAME_SUBJECT' } });
    expect(await waiting(s.id)).toEqual([]);
  });

  it('when a student drops a section, one enrollment.drop audit row names the student and the section', async () => {
    await openPeriod();
    const s = await student();
    const target = await section();
    expect((await register(s.token, target.id)).statusCode).toBe(201);

    const res = await t.call('DELETE', `/sugang/api/enrollments/${target.id}`, { token: s.token });

    expect(res.statusCode).toBe(204);
    const rows = await t.karina.db
      .selectFrom('audit_log')
      .select(['actor_role', 'actor_id', 'target', 'outcome'])
      .where('action', '=', 'enrollment.drop')
      .where('target', '=', `section:${target.id}`)
      .execute();
    expect(rows).toEqual([
      { actor_role: 'student', actor_id: s.id, target: `section:${target.id}`, outcome: 'ok' },
    ]);
  });

  it('when a cart holds 40 sections, adding a 41st is refused with 409 and the cart keeps 40', async () => {
    await openPeriod('cart');
    const s = await student();
    const subject = await makeSubject(t.karina.db, dept);
    const sections: number[] = [];
    for (let i = 0; i < 41; i++) sections.push(await makeSection(t.karina.db, subject, { capacity: 5 }));
    for (const id of sections.slice(0, 39)) await insertCartItem(t.karina.db, s.id, id);
    const fortieth = await t.call('POST', '/sugang/api/cart', {
      token: s.token,
      body: { sectionId: sections[39] },
    });
    expect(fortieth.statusCode, fortieth.body).toBe(201);

    const res = await t.call('POST', '/sugang/api/cart', {
      token: s.token,
      body: { sectionId: sections[40] },
    });

    expect(res.statusCode).toBe(409);
    // The cart helper gives this refusal its own code; either is the same rule.
    expect(['CONFLICT', 'CART_FULL']).toContain(res.json<{ error: { code: string } }>().error.code);
    const count = await t.karina.db
      .selectFrom('cart_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('student_id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(40);
  });

  it('when a cart section is full, its item warns SECTION_FULL; one seat short of full does not', async () => {
    await openPeriod('cart');
    const s = await student();
    const full = await section({ capacity: 2 });
    const almost = await section({ capacity: 2 });
    const others = await makeStudents(t.karina.db, dept, 3);
    await insertEnrollment(t.karina.db, others[0]!, full.id);
    await insertEnrollment(t.karina.db, others[1]!, full.id);
    await insertEnrollment(t.karina.db, others[2]!, almost.id);
    await insertCartItem(t.karina.db, s.id, full.id);
    await insertCartItem(t.karina.db, s.id, almost.id);

    const res = await t.call('GET', '/sugang/api/cart', { token: s.token });

    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { sectionId: number; warnings: { code: string }[] }[] }>().items;
    const codes = (id: number) => items.find((i) => i.sectionId === id)?.warnings.map((w) => w.code);
    expect(codes(full.id)).toEqual(['SECTION_FULL']);
    expect(codes(almost.id)).toEqual([]);
  });

  it('when the student holds several sections, TIME_CONFLICT names the one that overlaps', async () => {
    await openPeriod('registration', 30);
    const s = await student();
    const mon = await section({ name: '월요일과목', meetings: [['MON', '09:00', '10:30']] });
    const tue = await section({ name: '화요일과목', meetings: [['TUE', '09:00', '10:30']] });
    const wed = await section({ name: '수요일과목', meetings: [['WED', '09:00', '10:30']] });
    for (const h of [mon, tue, wed]) await insertEnrollment(t.karina.db, s.id, h.id);
    const tueNumber = (
      await t.karina.db
        .selectFrom('sections')
        .select('number')
        .where('id', '=', tue.id)
        .executeTakeFirstOrThrow()
    ).number;
    const candidate = await section({ meetings: [['TUE', '10:00', '11:00']] });

    const res = await register(s.token, candidate.id);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: {
        code: 'TIME_CONFLICT',
        details: { sectionId: tue.id, subjectName: '화요일과목', sectionNumber: tueNumber },
      },
    });
    expect(res.json<{ error: { message: string } }>().error.message).toContain(`화요일과목 ${tueNumber}분반`);
    expect(await held(s.id)).toEqual([mon.id, tue.id, wed.id]);
  });

  it('when a section brings the student exactly to the credit maximum it is allowed; one credit more is CREDIT_LIMIT', async () => {
    await openPeriod('registration', 9);
    const s = await student();
    const six = await section({ credits: 6 });
    await insertEnrollment(t.karina.db, s.id, six.id);
    const three = await section({ credits: 3 });
    const one = await section({ credits: 1 });

    const exact = await register(s.token, three.id);
    const over = await register(s.token, one.id);

    expect(exact.statusCode, exact.body).toBe(201);
    expect(exact.json()).toMatchObject({ totalCredits: 9 });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      error: { code: 'CREDIT_LIMIT', details: { heldCredits: 9, maxCredits: 9 } },
    });
    expect(await held(s.id)).toEqual([six.id, three.id].sort((a, b) => a - b));
  });
});
