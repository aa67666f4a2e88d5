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

  const openPeriod = async (kind: PeriodKind = 'registration', maxCredits = 18) => {
    const id = await makePeriod(t.karina.db, {
      kind,
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits,
    });
    // Fixtures write periods behind the service's back; the service would publish this itself.
    t.app.deps.bus.publish('periods');
    return id;
  };
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
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CART_FULL');
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
    expect(items.find((i) => i.sectionId === full.id)?.warnings[0]).toMatchObject({
      message: '정원이 마감되었습니다 / Section is full',
    });
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

  type Warning = { code: string; sectionId?: number; message: string };
  const cartWarnings = async (token: string) => {
    const res = await t.call('GET', '/sugang/api/cart', { token });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { sectionId: number; warnings: Warning[] }[] }>().items;
    return (id: number) => items.find((i) => i.sectionId === id)?.warnings ?? [];
  };
  const label = async (sectionId: number) => {
    const row = await t.karina.db
      .selectFrom('sections as s')
      .innerJoin('subjects as j', 'j.id', 's.subject_id')
      .select(['j.code', 's.number'])
      .where('s.id', '=', sectionId)
      .executeTakeFirstOrThrow();
    return `${row.code}-${row.number}`;
  };

  it('when cart items meet sections the student already holds, they warn ALREADY_ENROLLED, SAME_SUBJECT or TIME_CONFLICT naming the held section', async () => {
    await openPeriod('cart');
    const s = await student();
    const heldX = await section({ meetings: [['MON', '09:00', '10:00']] });
    const heldY = await section({
      meetings: [
        ['TUE', '09:00', '10:00'],
        ['FRI', '15:00', '16:00'],
      ],
    });
    const otherX = await section({ subject: heldX.subject, meetings: [['SAT', '09:00', '10:00']] });
    const clashY = await section({
      meetings: [
        ['WED', '09:00', '10:00'],
        ['FRI', '15:30', '16:30'],
      ],
    });
    const free = await section({ meetings: [['THU', '09:00', '10:00']] });
    for (const h of [heldX, heldY]) await insertEnrollment(t.karina.db, s.id, h.id);
    for (const c of [heldX, otherX, clashY, free]) await insertCartItem(t.karina.db, s.id, c.id);

    const warnings = await cartWarnings(s.token);

    expect(warnings(heldX.id).map((w) => w.code)).toEqual(['ALREADY_ENROLLED']);
    expect(warnings(otherX.id).map((w) => [w.code, w.sectionId])).toEqual([
      ['SAME_SUBJECT', heldX.id],
      ['SAME_SUBJECT', heldX.id],
    ]);
    expect(warnings(clashY.id).map((w) => [w.code, w.sectionId])).toEqual([['TIME_CONFLICT', heldY.id]]);
    const [heldCode, heldNumber] = (await label(heldY.id)).split('-');
    expect(warnings(clashY.id)[0]?.message).toContain(`Time conflict with ${heldCode} section ${heldNumber}`);
    expect(warnings(free.id)).toEqual([]);
  });

  it('when two cart items share a subject or one of several meetings, each warns naming the other', async () => {
    await openPeriod('cart');
    const s = await student();
    const a = await section({ meetings: [['MON', '13:00', '14:00']] });
    const b = await section({ subject: a.subject, meetings: [['TUE', '13:00', '14:00']] });
    const c = await section({
      meetings: [
        ['WED', '13:00', '14:00'],
        ['THU', '13:00', '14:00'],
      ],
    });
    const d = await section({ meetings: [['THU', '13:30', '14:30']] });
    for (const x of [a, b, c, d]) await insertCartItem(t.karina.db, s.id, x.id);

    const warnings = await cartWarnings(s.token);

    expect(warnings(a.id).map((w) => [w.code, w.sectionId])).toEqual([['SAME_SUBJECT', b.id]]);
    expect(warnings(b.id).map((w) => [w.code, w.sectionId])).toEqual([['SAME_SUBJECT', a.id]]);
    expect(warnings(a.id)[0]?.message).toContain(`Same subject as cart item ${await label(b.id)}`);
    expect(warnings(c.id).map((w) => [w.code, w.sectionId])).toEqual([['TIME_CONFLICT', d.id]]);
    expect(warnings(d.id).map((w) => [w.code, w.sectionId])).toEqual([['TIME_CONFLICT', c.id]]);
    expect(warnings(d.id)[0]?.message).toContain(`Overlaps cart item ${await label(c.id)}`);
  });

  it('when a student adds and removes a cart item, each change leaves an audit row for that section', async () => {
    await openPeriod('cart');
    const s = await student();
    const x = await section();
    expect(
      (await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: x.id } })).statusCode,
    ).toBe(201);
    expect((await t.call('DELETE', `/sugang/api/cart/${x.id}`, { token: s.token })).statusCode).toBe(204);
    const rows = await t.karina.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target', '=', `section:${x.id}`)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'cart.add', actor_id: s.id },
      { action: 'cart.remove', actor_id: s.id },
    ]);
  });

  it('when the Idempotency-Key is malformed, the request is 400 VALIDATION_FAILED and nothing registers; 128 allowed characters pass', async () => {
    await openPeriod();
    const s = await student();
    const x = await section();
    for (const key of ['has space', 'x'.repeat(129), 'ключ', 'a/b']) {
      const res = await register(s.token, x.id, { 'idempotency-key': key });
      expect(res.statusCode, key).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await held(s.id)).toEqual([]);
    const ok = await register(s.token, x.id, { 'idempotency-key': `Az09._:-${'k'.repeat(120)}` });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('when a checkout is replayed by key after a full section frees a seat, the stored result comes back and nothing new registers', async () => {
    await openPeriod();
    const s = await student();
    const full = await section({ capacity: 1 });
    const [other] = await makeStudents(t.karina.db, dept, 1);
    await insertEnrollment(t.karina.db, other!, full.id);
    await insertCartItem(t.karina.db, s.id, full.id);
    const key = { 'idempotency-key': 'checkout-after-free' };
    const first = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token, headers: key });
    expect(first.json()).toMatchObject({ enrolled: 0, failed: 1 });
    await t.karina.db.deleteFrom('enrollments').where('student_id', '=', other!).execute();
    await t.karina.db.updateTable('sections').set({ taken: 0 }).where('id', '=', full.id).execute();

    const replay = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token, headers: key });

    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await held(s.id)).toEqual([]);
    expect(await seatState(t.karina.db, full.id)).toMatchObject({ taken: 0, rows: 0 });
  });

  const auditOf = async (target: string) =>
    (
      await t.karina.db
        .selectFrom('audit_log')
        .select(['action', 'actor_role', 'actor_id', 'detail'])
        .where('target', '=', target)
        .orderBy('id')
        .execute()
    ).map((r) => ({ ...r, detail: JSON.parse(r.detail ?? 'null') as unknown }));

  it('when the student already holds the full section, joining its wait-list is 409 ALREADY_ENROLLED; join and leave are audited', async () => {
    await openPeriod();
    const s = await student();
    const mine = await section({ capacity: 1 });
    await insertEnrollment(t.karina.db, s.id, mine.id);
    const holding = await t.call('POST', '/sugang/api/waitlist', {
      token: s.token,
      body: { sectionId: mine.id },
    });
    expect(holding.statusCode).toBe(409);
    expect(holding.json()).toMatchObject({ error: { code: 'ALREADY_ENROLLED' } });

    const other = await section({ capacity: 0 });
    const join = await t.call('POST', '/sugang/api/waitlist', {
      token: s.token,
      body: { sectionId: other.id },
    });
    expect(join.statusCode, join.body).toBe(201);
    expect((await t.call('DELETE', `/sugang/api/waitlist/${other.id}`, { token: s.token })).statusCode).toBe(
      204,
    );
    expect((await auditOf(`section:${other.id}`)).map((r) => [r.action, r.actor_id])).toEqual([
      ['waitlist.join', s.id],
      ['waitlist.leave', s.id],
    ]);
  });

  it('when only one of several meetings overlaps one of the held section, registration is TIME_CONFLICT', async () => {
    await openPeriod('registration', 30);
    const s = await student();
    const heldSection = await section({
      meetings: [
        ['MON', '09:00', '10:00'],
        ['THU', '15:00', '16:00'],
      ],
    });
    await insertEnrollment(t.karina.db, s.id, heldSection.id);
    const candidate = await section({
      meetings: [
        ['TUE', '09:00', '10:00'],
        ['THU', '15:30', '16:30'],
      ],
    });

    const res = await register(s.token, candidate.id);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'TIME_CONFLICT', details: { sectionId: heldSection.id } },
    });
  });

  it('when an admin deletes a student, each released seat leaves an enrollment.drop audit row with the reason', async () => {
    await openPeriod();
    const s = await student();
    const x = await section({ capacity: 3 });
    await insertEnrollment(t.karina.db, s.id, x.id);

    const res = await t.call('DELETE', `/admin/api/students/${s.id}`, { token: t.adminToken });

    expect(res.statusCode).toBe(204);
    expect(await seatState(t.karina.db, x.id)).toMatchObject({ taken: 0, rows: 0 });
    expect(await auditOf(`section:${x.id}`)).toEqual([
      {
        action: 'enrollment.drop',
        actor_role: 'admin',
        actor_id: expect.any(Number) as number,
        detail: { studentId: s.id, reason: 'student_deleted' },
      },
    ]);
  });

  it('when the head of a wait-list meanwhile holds another section of the subject, a freed seat removes them from the list and goes to the next', async () => {
    await openPeriod();
    const [holder, moved, next] = [await student(), await student(), await student()];
    const wanted = await section({ capacity: 1 });
    const sibling = await section({ subject: wanted.subject, capacity: 5 });
    await insertEnrollment(t.karina.db, holder.id, wanted.id);
    for (const w of [moved, next]) {
      const res = await t.call('POST', '/sugang/api/waitlist', {
        token: w.token,
        body: { sectionId: wanted.id },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await register(moved.token, sibling.id)).statusCode).toBe(201);

    const drop = await t.call('DELETE', `/sugang/api/enrollments/${wanted.id}`, { token: holder.token });

    expect(drop.statusCode).toBe(204);
    expect(await held(next.id)).toEqual([wanted.id]);
    expect(await held(moved.id)).toEqual([sibling.id]);
    expect(await waiting(moved.id)).toEqual([]);
    expect(await seatState(t.karina.db, wanted.id)).toMatchObject({ taken: 1, rows: 1 });
    const audit = (await auditOf(`section:${wanted.id}`)).filter((r) => r.action !== 'waitlist.join');
    expect(audit.map((r) => [r.action, r.detail])).toEqual([
      ['enrollment.drop', null],
      ['waitlist.remove', { studentId: moved.id, reason: 'SAME_SUBJECT' }],
      ['enrollment.promote', { studentId: next.id }],
    ]);
  });
});
