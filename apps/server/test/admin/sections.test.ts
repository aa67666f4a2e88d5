import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  addToCart,
  addToWaitlist,
  auditActions,
  countRows,
  createDepartment,
  createProfessor,
  createSection,
  createSubject,
  enroll,
  expectError,
  insertStudent,
} from './fixtures.js';

describe.each(testDatabaseKinds())('admin sections on $label', ({ name }) => {
  let t: TestApp;
  let departmentId: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    departmentId = (await createDepartment(t)).id;
  });
  afterAll(async () => t?.close());

  const post = (body: Record<string, unknown>) =>
    t.call('POST', '/admin/api/sections', { token: t.adminToken, body });
  const patch = (id: number, body: Record<string, unknown>) =>
    t.call('PATCH', `/admin/api/sections/${id}`, { token: t.adminToken, body });
  const meetingRows = (sectionId: number) =>
    t.karina.db
      .selectFrom('section_meetings')
      .select(['day', 'start_min', 'end_min'])
      .where('section_id', '=', sectionId)
      .orderBy('id')
      .execute();

  it('when a section is created, it gets the next 분반 number, its meetings in minutes and an audit entry', async () => {
    const subject = await createSubject(t, departmentId);
    const professorId = await createProfessor(t, departmentId);
    const res = await post({
      subjectId: subject.id,
      professorId,
      capacity: 40,
      meetings: [
        { day: 'WED', start: '13:00', end: '14:30' },
        { day: 'MON', start: '09:00', end: '10:30' },
        { day: 'MON', start: '10:30', end: '12:00' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const { id, number } = res.json<{ id: number; number: number }>();
    expect(number).toBe(1);
    const row = await t.karina.db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    expect(row).toMatchObject({
      subject_id: subject.id,
      professor_id: professorId,
      number: 1,
      capacity: 40,
      taken: 0,
    });
    expect(await meetingRows(id)).toEqual([
      { day: 'MON', start_min: 540, end_min: 630 },
      { day: 'MON', start_min: 630, end_min: 720 },
      { day: 'WED', start_min: 780, end_min: 870 },
    ]);
    expect(await auditActions(t, `section:${id}`)).toEqual(['section.create']);
    const second = await post({
      subjectId: subject.id,
      professorId: null,
      capacity: 1,
      meetings: [{ day: 'SAT', start: '22:30', end: '24:00' }],
    });
    expect(second.json()).toMatchObject({ number: 2 });
  });

  it('when several sections of one subject are created at once, each gets its own number', async () => {
    const subject = await createSubject(t, departmentId);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        post({
          subjectId: subject.id,
          professorId: null,
          capacity: 10,
          meetings: [{ day: 'TUE', start: '09:00', end: '10:00' }],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(results.map((r) => r.json<{ number: number }>().number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('when 분반 2 of 1..3 is deleted, the next section gets 4, and a deleted top number is not reused either', async () => {
    const subject = await createSubject(t, departmentId);
    const ids = [
      await createSection(t, subject.id),
      await createSection(t, subject.id),
      await createSection(t, subject.id),
    ];
    expect(
      (await t.call('DELETE', `/admin/api/sections/${ids[1]}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    const meetings = [{ day: 'MON', start: '09:00', end: '10:00' }];
    const fourth = await post({ subjectId: subject.id, professorId: null, capacity: 5, meetings });
    expect(fourth.statusCode).toBe(201);
    const { id: fourthId, number } = fourth.json<{ id: number; number: number }>();
    expect(number).toBe(4);
    expect(
      (await t.call('DELETE', `/admin/api/sections/${fourthId}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
    const fifth = await post({ subjectId: subject.id, professorId: null, capacity: 5, meetings });
    expect(fifth.json()).toMatchObject({ number: 5 });
    const numbers = await t.karina.db
      .selectFrom('sections')
      .select('number')
      .where('subject_id', '=', subject.id)
      .orderBy('number')
      .execute();
    expect(numbers.map((r) => r.number)).toEqual([1, 3, 5]);
  });

  it('when sections were inserted directly (1..3, no sequence row), the next one gets 4 and the sequence moves past it', async () => {
    const subject = await createSubject(t, departmentId);
    await t.karina.db
      .insertInto('sections')
      .values(
        [1, 2, 3].map((number) => ({
          subject_id: subject.id,
          professor_id: null,
          number,
          capacity: 10,
          taken: 0,
          created_at: 0,
        })),
      )
      .execute();
    const sequence = () =>
      t.karina.db
        .selectFrom('code_sequences')
        .select('next_value')
        .where('name', '=', `section:${subject.id}`)
        .executeTakeFirst();
    expect(await sequence()).toBeUndefined();
    const meetings = [{ day: 'TUE', start: '09:00', end: '10:00' }];
    const res = await post({ subjectId: subject.id, professorId: null, capacity: 5, meetings });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: 4 });
    expect(await sequence()).toEqual({ next_value: 5 });
    const next = await post({ subjectId: subject.id, professorId: null, capacity: 5, meetings });
    expect(next.json()).toMatchObject({ number: 5 });
    expect(await sequence()).toEqual({ next_value: 6 });
  });

  it('when a PATCH body has no field, it is 400 and no audit entry is written', async () => {
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id);
    expectError(await patch(id, {}), 400, 'VALIDATION_FAILED');
    expect(await auditActions(t, `section:${id}`)).toEqual(['section.create']);
  });

  it('when the input is bad (times, overlap, capacity, unknown fields), it is 400 and nothing is written', async () => {
    const subject = await createSubject(t, departmentId);
    const sections = await countRows(t, 'sections');
    const meetings = await t.karina.db.selectFrom('section_meetings').select('id').execute();
    const good = { subjectId: subject.id, professorId: null, capacity: 10 };
    const m = (day: string, start: string, end: string) => ({ day, start, end });
    for (const body of [
      { ...good, meetings: [m('MON', '10:30', '09:00')] },
      { ...good, meetings: [m('MON', '10:00', '10:00')] },
      { ...good, meetings: [m('MON', '09:15', '10:00')] },
      { ...good, meetings: [m('MON', '23:30', '24:30')] },
      { ...good, meetings: [m('SUN', '09:00', '10:00')] },
      { ...good, meetings: [m('MON', '9:00', '10:00')] },
      { ...good, meetings: [m('MON', '09:00', '10:30'), m('MON', '10:00', '11:00')] },
      { ...good, meetings: [m('MON', '09:00', '12:00'), m('MON', '10:00', '11:00')] },
      { ...good, meetings: [m('MON', '10:00', '11:00'), m('MON', '10:00', '11:00')] },
      { ...good, meetings: [] },
      {
        ...good,
        meetings: Array.from({ length: 11 }, (_, i) =>
          m('MON', `${String(i + 8).padStart(2, '0')}:00`, `${String(i + 8).padStart(2, '0')}:30`),
        ),
      },
      { ...good, meetings: [{ ...m('MON', '09:00', '10:00'), room: 'A101' }] },
      { ...good, capacity: 0, meetings: [m('MON', '09:00', '10:00')] },
      { ...good, capacity: -5, meetings: [m('MON', '09:00', '10:00')] },
      { ...good, capacity: 1001, meetings: [m('MON', '09:00', '10:00')] },
      { ...good, professorId: 0, meetings: [m('MON', '09:00', '10:00')] },
      { ...good, extra: true, meetings: [m('MON', '09:00', '10:00')] },
      { subjectId: subject.id, capacity: 10, meetings: [m('MON', '09:00', '10:00')] },
    ]) {
      expectError(await post(body), 400, 'VALIDATION_FAILED');
    }
    expect(await countRows(t, 'sections')).toBe(sections);
    expect(await t.karina.db.selectFrom('section_meetings').select('id').execute()).toHaveLength(
      meetings.length,
    );
  });

  it('when the subject or professor is unknown, it is 404 and nothing is written', async () => {
    const subject = await createSubject(t, departmentId);
    const before = await countRows(t, 'sections');
    const meetings = [{ day: 'MON', start: '09:00', end: '10:00' }];
    expectError(
      await post({ subjectId: 999999, professorId: null, capacity: 5, meetings }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await post({ subjectId: subject.id, professorId: 999999, capacity: 5, meetings }),
      404,
      'NOT_FOUND',
    );
    expect(await countRows(t, 'sections')).toBe(before);
  });

  it('when listed by subject, each section shows its professor, counts and meetings', async () => {
    const subject = await createSubject(t, departmentId, { credits: 2 });
    const professorId = await createProfessor(t, departmentId, '박교수');
    const a = await createSection(t, subject.id, {
      professorId,
      capacity: 2,
      meetings: [
        { day: 'THU', start: '15:00', end: '16:30' },
        { day: 'TUE', start: '15:00', end: '16:30' },
      ],
    });
    const b = await createSection(t, subject.id);
    const [s1, s2, s3] = [
      await insertStudent(t, departmentId),
      await insertStudent(t, departmentId),
      await insertStudent(t, departmentId),
    ];
    await enroll(t, s1.id, a);
    await enroll(t, s2.id, a);
    await addToWaitlist(t, s3.id, a);
    const res = await t.call('GET', `/admin/api/sections?subjectId=${subject.id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: a,
        number: 1,
        subject: {
          id: subject.id,
          code: subject.code,
          name: expect.any(String) as string,
          credits: 2,
          type: 'major_elective',
          department: expect.objectContaining({ id: departmentId }) as object,
        },
        professor: { id: professorId, name: '박교수' },
        capacity: 2,
        taken: 2,
        enrolled: 2,
        waitlisted: 1,
        meetings: [
          { day: 'TUE', start: '15:00', end: '16:30' },
          { day: 'THU', start: '15:00', end: '16:30' },
        ],
      },
      expect.objectContaining({ id: b, number: 2, professor: null, enrolled: 0, waitlisted: 0 }),
    ]);
    const byDept = await t.call('GET', `/admin/api/sections?departmentId=${departmentId}`, {
      token: t.adminToken,
    });
    expect(byDept.json<{ id: number }[]>().map((s) => s.id)).toEqual(expect.arrayContaining([a, b]));
    expectError(await t.call('GET', '/admin/api/sections/999999', { token: t.adminToken }), 404, 'NOT_FOUND');
  });

  it('when capacity would go below the seats taken, it is 409 CAPACITY_BELOW_TAKEN and nothing changes', async () => {
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id, { capacity: 3 });
    const [s1, s2] = [await insertStudent(t, departmentId), await insertStudent(t, departmentId)];
    await enroll(t, s1.id, id);
    await enroll(t, s2.id, id);
    expectError(await patch(id, { capacity: 1, professorId: null }), 409, 'CAPACITY_BELOW_TAKEN');
    const row = await t.karina.db
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ capacity: 3, taken: 2 });
    const ok = await patch(id, { capacity: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ capacity: 2, taken: 2 });
  });

  it('when capacity grows with nobody waiting, the new capacity is stored and the seat counter stays', async () => {
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id, { capacity: 1 });
    const s1 = await insertStudent(t, departmentId);
    await enroll(t, s1.id, id);
    const res = await patch(id, { capacity: 5 });
    expect(res.statusCode).toBe(200);
    const row = await t.karina.db
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.capacity).toBe(5);
    expect(row.taken).toBe(1);
    expect(await auditActions(t, `section:${id}`)).toContain('section.update');
  });

  it('when capacity grows during registration, the wait-list takes the new seats in queue order', async () => {
    const period = await t.call('POST', '/admin/api/periods', {
      token: t.adminToken,
      body: {
        name: '수강신청',
        kind: 'registration',
        opensAt: new Date(t.clock.now() - 3_600_000).toISOString(),
        closesAt: new Date(t.clock.now() + 3_600_000).toISOString(),
        maxCredits: 21,
      },
    });
    expect(period.statusCode).toBe(201);
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id, {
      capacity: 1,
      meetings: [{ day: 'SAT', start: '09:00', end: '10:00' }],
    });
    const [holder, w1, w2, w3] = [
      await insertStudent(t, departmentId),
      await insertStudent(t, departmentId),
      await insertStudent(t, departmentId),
      await insertStudent(t, departmentId),
    ];
    await enroll(t, holder.id, id);
    for (const w of [w1, w2, w3]) await addToWaitlist(t, w.id, id);

    const res = await patch(id, { capacity: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 3, taken: 3, enrolled: 3, waitlisted: 1 });
    const enrolled = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', id)
      .orderBy('id')
      .execute();
    expect(enrolled.map((e) => e.student_id)).toEqual([holder.id, w1.id, w2.id]);
    const waiting = await t.karina.db
      .selectFrom('waitlist_entries')
      .select('student_id')
      .where('section_id', '=', id)
      .execute();
    expect(waiting).toEqual([{ student_id: w3.id }]);
    const periodId = period.json<{ id: number }>().id;
    expect(
      (await t.call('DELETE', `/admin/api/periods/${periodId}`, { token: t.adminToken })).statusCode,
    ).toBe(204);
  });

  it('when the professor and meetings are patched, they are replaced; bad or unknown input changes nothing', async () => {
    const subject = await createSubject(t, departmentId);
    const p1 = await createProfessor(t, departmentId);
    const id = await createSection(t, subject.id, { professorId: p1 });
    const moved = await patch(id, {
      professorId: null,
      meetings: [{ day: 'FRI', start: '18:00', end: '21:00' }],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      professor: null,
      meetings: [{ day: 'FRI', start: '18:00', end: '21:00' }],
    });
    expect(await meetingRows(id)).toEqual([{ day: 'FRI', start_min: 1080, end_min: 1260 }]);
    expectError(await patch(id, { professorId: 999999 }), 404, 'NOT_FOUND');
    expectError(
      await patch(id, {
        meetings: [
          { day: 'FRI', start: '09:00', end: '12:00' },
          { day: 'FRI', start: '11:00', end: '11:30' },
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await patch(id, { capacity: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await patch(id, { subjectId: subject.id }), 400, 'VALIDATION_FAILED');
    expectError(await patch(999999, { capacity: 3 }), 404, 'NOT_FOUND');
    const row = await t.karina.db
      .selectFrom('sections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ professor_id: null, capacity: 30 });
    expect(await meetingRows(id)).toEqual([{ day: 'FRI', start_min: 1080, end_min: 1260 }]);
  });

  it('when the roster is read, enrolled students and the wait-list come back in order', async () => {
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id, { capacity: 1 });
    const first = await insertStudent(t, departmentId, { year: 2 });
    const w1 = await insertStudent(t, departmentId);
    const w2 = await insertStudent(t, departmentId);
    await enroll(t, first.id, id);
    await addToWaitlist(t, w1.id, id);
    await addToWaitlist(t, w2.id, id);
    const res = await t.call('GET', `/admin/api/sections/${id}/roster`, { token: t.adminToken });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ section: { id: number }; enrolled: unknown[]; waitlist: unknown[] }>();
    expect(body.section).toMatchObject({ id, enrolled: 1, waitlisted: 2 });
    expect(body.enrolled).toEqual([
      expect.objectContaining({
        studentId: first.id,
        studentNo: first.studentNo,
        year: 2,
        department: expect.objectContaining({ id: departmentId }) as object,
      }),
    ]);
    expect(body.waitlist).toEqual([
      expect.objectContaining({ position: 1, studentId: w1.id }),
      expect.objectContaining({ position: 2, studentId: w2.id }),
    ]);
    expectError(
      await t.call('GET', '/admin/api/sections/999999/roster', { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });

  it('when a section is deleted, its meetings and every cart, enrollment and wait-list row go', async () => {
    const subject = await createSubject(t, departmentId);
    const id = await createSection(t, subject.id, { capacity: 1 });
    const keep = await createSection(t, subject.id, { capacity: 5 });
    const [s1, s2] = [await insertStudent(t, departmentId), await insertStudent(t, departmentId)];
    await enroll(t, s1.id, id);
    await addToWaitlist(t, s2.id, id);
    await addToCart(t, s2.id, id);
    await addToCart(t, s2.id, keep);
    const res = await t.call('DELETE', `/admin/api/sections/${id}`, { token: t.adminToken });
    expect(res.statusCode).toBe(204);
    expect(
      await t.karina.db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await meetingRows(id)).toEqual([]);
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries'] as const) {
      expect(
        await t.karina.db.selectFrom(table).select('student_id').where('section_id', '=', id).execute(),
        table,
      ).toEqual([]);
    }
    expect(
      await t.karina.db
        .selectFrom('cart_items')
        .select('section_id')
        .where('student_id', '=', s2.id)
        .execute(),
    ).toEqual([{ section_id: keep }]);
    expect(await auditActions(t, `section:${id}`)).toEqual(['section.create', 'section.delete']);
    expectError(
      await t.call('DELETE', `/admin/api/sections/${id}`, { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
  });
});
