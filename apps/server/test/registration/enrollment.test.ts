import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

describe.each(testDatabaseKinds())('registration rules on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
  });
  afterAll(async () => t?.close());

  beforeEach(async () => {
    await t.karina.db.deleteFrom('periods').execute();
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 9,
    });
    // Fixtures write periods behind the service's back; the service would publish this itself.
    t.app.deps.bus.publish('periods');
  });

  async function student(year = 1) {
    const [id] = await makeStudents(t.karina.db, dept, 1, { year });
    return { id: id!, token: await t.tokenFor('student', id!) };
  }
  const register = (token: string, sectionId: number, headers?: Record<string, string>) =>
    t.call('POST', '/sugang/api/enrollments', {
      token,
      body: { sectionId },
      ...(headers ? { headers } : {}),
    });

  it('when a seat is free and every rule holds, the student is enrolled, the seat is taken and an audit row is written', async () => {
    const s = await student();
    const subject = await makeSubject(t.karina.db, dept, { credits: 3, name: '자료구조' });
    const section = await makeSection(t.karina.db, subject, {
      capacity: 2,
      meetings: [['MON', '09:00', '10:30']],
    });
    const res = await register(s.token, section);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      enrollment: {
        sectionId: section,
        credits: 3,
        subject: { name: '자료구조' },
        meetings: [{ day: 'MON', start: '09:00', end: '10:30' }],
      },
      totalCredits: 3,
    });
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 1, rows: 1 });
    const audit = await t.karina.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enrollment.register')
      .where('actor_id', '=', s.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'student', target: `section:${section}`, outcome: 'ok' });
    const list = await t.call('GET', '/sugang/api/enrollments', { token: s.token });
    expect(list.json()).toMatchObject({ items: [{ sectionId: section }], totalCredits: 3 });
  });

  it('when no period is open for the student year, registration answers 403 REGISTRATION_CLOSED and writes nothing', async () => {
    await t.karina.db.deleteFrom('periods').execute();
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      years: [2, 3, 4],
    });
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() + HOUR,
      closesAt: t.clock.now() + 2 * HOUR,
      years: [1],
    });
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      years: [1],
      kind: 'cart',
    });
    t.app.deps.bus.publish('periods');
    const s = await student(1);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['TUE', '09:00', '10:30']],
    });
    const res = await register(s.token, section);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 0, rows: 0 });
  });

  it('when the period has closed by the server clock, registration is refused even if a client thinks otherwise', async () => {
    const s = await student();
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept));
    t.clock.advance(2 * HOUR);
    try {
      const res = await register(s.token, section);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
      expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 0, rows: 0 });
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });

  it('when the student already holds the section or another section of the subject, the answer is ALREADY_ENROLLED or SAME_SUBJECT', async () => {
    const s = await student();
    const subject = await makeSubject(t.karina.db, dept);
    const a = await makeSection(t.karina.db, subject, { meetings: [['WED', '09:00', '10:30']] });
    const b = await makeSection(t.karina.db, subject, { meetings: [['THU', '09:00', '10:30']] });
    expect((await register(s.token, a)).statusCode).toBe(201);
    const again = await register(s.token, a);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'ALREADY_ENROLLED' } });
    const same = await register(s.token, b);
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ error: { code: 'SAME_SUBJECT' } });
    expect(await seatState(t.karina.db, b)).toMatchObject({ taken: 0, rows: 0 });
  });

  it('when a meeting encloses one of a held section, the answer is TIME_CONFLICT naming that section; touching ends are fine', async () => {
    const s = await student();
    const held = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { name: '운영체제' }), {
      meetings: [['FRI', '10:00', '10:30']],
    });
    const enclosing = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['FRI', '09:00', '12:00']],
    });
    const touching = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['FRI', '10:30', '11:00']],
    });
    expect((await register(s.token, held)).statusCode).toBe(201);
    const res = await register(s.token, enclosing);
    expect(res.statusCode).toBe(409);
    const body = res.json<{ error: { code: string; message: string; details: { sectionId: number } } }>();
    expect(body.error.code).toBe('TIME_CONFLICT');
    expect(body.error.message).toContain('운영체제');
    expect(body.error.details.sectionId).toBe(held);
    expect((await register(s.token, touching)).statusCode).toBe(201);
  });

  it('when the credits would pass the period maximum, the answer is CREDIT_LIMIT', async () => {
    const s = await student();
    const a = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 4 }), {
      meetings: [['MON', '13:00', '14:00']],
    });
    const b = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 4 }), {
      meetings: [['MON', '14:00', '15:00']],
    });
    const c = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 2 }), {
      meetings: [['MON', '15:00', '16:00']],
    });
    expect((await register(s.token, a)).statusCode).toBe(201);
    expect((await register(s.token, b)).statusCode).toBe(201);
    const res = await register(s.token, c);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'CREDIT_LIMIT', details: { heldCredits: 8, maxCredits: 9 } },
    });
  });

  it('when the section is full, the answer is SECTION_FULL, and the student can join the wait-list with a position', async () => {
    const [first, second, third] = [await student(), await student(), await student()];
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['SAT', '09:00', '12:00']],
    });
    const early = await t.call('POST', '/sugang/api/waitlist', {
      token: second.token,
      body: { sectionId: section },
    });
    expect(early.json()).toMatchObject({ error: { code: 'SEATS_AVAILABLE' } });
    expect((await register(first.token, section)).statusCode).toBe(201);
    const full = await register(second.token, section);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: 'SECTION_FULL' } });
    const w1 = await t.call('POST', '/sugang/api/waitlist', {
      token: second.token,
      body: { sectionId: section },
    });
    expect(w1.statusCode).toBe(201);
    expect(w1.json()).toEqual({ sectionId: section, position: 1 });
    const w2 = await t.call('POST', '/sugang/api/waitlist', {
      token: third.token,
      body: { sectionId: section },
    });
    expect(w2.json()).toEqual({ sectionId: section, position: 2 });
    const dup = await t.call('POST', '/sugang/api/waitlist', {
      token: third.token,
      body: { sectionId: section },
    });
    expect(dup.json()).toMatchObject({ error: { code: 'ALREADY_WAITLISTED' } });
    const mine = await t.call('GET', '/sugang/api/waitlist', { token: third.token });
    expect(mine.json()).toMatchObject({ items: [{ sectionId: section, position: 2 }] });

    const drop = await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: first.token });
    expect(drop.statusCode).toBe(204);
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 1, rows: 1 });
    const promoted = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    expect(promoted.map((p) => p.student_id)).toEqual([second.id]);
    const third2 = await t.call('GET', '/sugang/api/waitlist', { token: third.token });
    expect(third2.json()).toMatchObject({ items: [{ sectionId: section, position: 1 }] });

    const leave = await t.call('DELETE', `/sugang/api/waitlist/${section}`, { token: third.token });
    expect(leave.statusCode).toBe(204);
    const leaveAgain = await t.call('DELETE', `/sugang/api/waitlist/${section}`, { token: third.token });
    expect(leaveAgain.json()).toMatchObject({ error: { code: 'NOT_WAITLISTED' } });
  });

  it('when the head of the wait-list is no longer eligible, the seat goes to the next eligible student and the head leaves the list', async () => {
    const [holder, blocked, eligible] = [await student(), await student(), await student()];
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['TUE', '13:00', '15:00']],
    });
    const clash = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['TUE', '14:00', '16:00']],
    });
    await register(holder.token, section);
    await t.call('POST', '/sugang/api/waitlist', { token: blocked.token, body: { sectionId: section } });
    await t.call('POST', '/sugang/api/waitlist', { token: eligible.token, body: { sectionId: section } });
    expect((await register(blocked.token, clash)).statusCode).toBe(201);
    await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: holder.token });
    const rows = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    expect(rows.map((r) => r.student_id)).toEqual([eligible.id]);
    const left = await t.karina.db
      .selectFrom('waitlist_entries')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    expect(left).toEqual([]);
    const removed = await t.karina.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'waitlist.remove')
      .where('target', '=', `section:${section}`)
      .execute();
    expect(removed.map((r) => JSON.parse(r.detail ?? '{}') as unknown)).toEqual([
      { studentId: blocked.id, reason: 'TIME_CONFLICT' },
    ]);
  });

  it('when a student drops a section they do not hold, the answer is 404 NOT_ENROLLED', async () => {
    const s = await student();
    const res = await t.call('DELETE', '/sugang/api/enrollments/999999', { token: s.token });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_ENROLLED' } });
  });

  it('when the section does not exist or the body is wrong, the answer is 404 or 400 and nothing is written', async () => {
    const s = await student();
    expect((await register(s.token, 987654)).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    for (const body of [{}, { sectionId: 'x' }, { sectionId: 0 }, { sectionId: 1, extra: true }]) {
      const res = await t.call('POST', '/sugang/api/enrollments', { token: s.token, body });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const rows = await t.karina.db
      .selectFrom('enrollments')
      .select('id')
      .where('student_id', '=', s.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('when the same Idempotency-Key is sent again, the first outcome is replayed and nothing is done twice', async () => {
    const s = await student();
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['WED', '16:00', '17:00']],
    });
    const key = { 'idempotency-key': `k-${s.id}` };
    const first = await register(s.token, section, key);
    const second = await register(s.token, section, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 1, rows: 1 });
    const other = await register(s.token, section + 1000, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('when two keys differ only in case, they are two keys on both databases (binary collation)', async () => {
    const s = await student();
    const a = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['MON', '18:00', '19:00']],
    });
    const b = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['TUE', '18:00', '19:00']],
    });
    expect((await register(s.token, a, { 'idempotency-key': 'Key-abc' })).statusCode).toBe(201);
    const other = await register(s.token, b, { 'idempotency-key': 'KEY-ABC' });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('when a rule violation is replayed by key, the same error comes back even after the rule would pass', async () => {
    const [a, b] = [await student(), await student()];
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['THU', '16:00', '17:00']],
    });
    await register(a.token, section);
    const key = { 'idempotency-key': 'retry-1' };
    const full = await register(b.token, section, key);
    expect(full.json()).toMatchObject({ error: { code: 'SECTION_FULL' } });
    await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: a.token });
    const replay = await register(b.token, section, key);
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toEqual(full.json());
  });

  it('when anonymous or an admin calls registration, the answer is 401 or 403', async () => {
    expect((await t.call('POST', '/sugang/api/enrollments', { body: { sectionId: 1 } })).statusCode).toBe(
      401,
    );
    const admin = await t.call('POST', '/sugang/api/enrollments', {
      token: t.adminToken,
      body: { sectionId: 1 },
    });
    expect(admin.statusCode).toBe(403);
    expect(admin.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('when the student must change the initial password first, registration answers PASSWORD_CHANGE_REQUIRED', async () => {
    const [id] = await makeStudents(t.karina.db, dept, 1, { mustChangePassword: true });
    const token = await t.tokenFor('student', id!);
    const res = await register(token, 1);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
  });
});
