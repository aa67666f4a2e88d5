import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import type { MeetingSpec } from '../support/fixtures.js';
import { addToWaitlist, auditActions, enroll, expectError } from './fixtures.js';

const HOUR = 3_600_000;
const ROUNDS = 12;

/** PRODUCT.md rule 3 for students already enrolled when an admin moves a section's meetings. */
describe.each(testDatabaseKinds())('admin section meetings vs enrolled students on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
  });
  afterAll(async () => t?.close());

  const patch = (id: number, body: Record<string, unknown>) =>
    t.call('PATCH', `/admin/api/sections/${id}`, { token: t.adminToken, body });
  const meetingRows = (sectionId: number) =>
    t.karina.db
      .selectFrom('section_meetings')
      .select(['day', 'start_min', 'end_min'])
      .where('section_id', '=', sectionId)
      .orderBy('id')
      .execute();
  const sectionOf = async (meetings: MeetingSpec[], capacity = 30) =>
    makeSection(t.karina.db, await makeSubject(t.karina.db, dept), { capacity, meetings });

  it('when new meetings overlap another section an enrolled student holds, it is 409 ENROLLED_TIME_CONFLICT and nothing is written', async () => {
    const moved = await sectionOf([['MON', '09:00', '10:30']], 10);
    const tue = await sectionOf([['TUE', '09:00', '10:30']]);
    const wed = await sectionOf([['WED', '13:00', '14:00']]);
    const [s1, s2, s3] = await makeStudents(t.karina.db, dept, 3);
    await enroll(t, s1!, moved);
    await enroll(t, s1!, tue);
    await enroll(t, s2!, moved);
    await enroll(t, s2!, wed);
    await enroll(t, s3!, moved);
    const auditBefore = await auditActions(t, `section:${moved}`);

    const res = await patch(moved, {
      capacity: 20,
      meetings: [
        { day: 'TUE', start: '10:00', end: '11:00' },
        { day: 'WED', start: '12:00', end: '15:00' },
      ],
    });
    expectError(res, 409, 'ENROLLED_TIME_CONFLICT');
    expect(res.json()).toMatchObject({
      error: { details: { students: 2, sectionIds: [tue, wed].sort((a, b) => a - b) } },
    });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/겹칩니다 \/ .*overlap/);

    // An enclosing interval counts too; only the student holding it is reported.
    const enclosing = await patch(moved, { meetings: [{ day: 'TUE', start: '08:00', end: '12:00' }] });
    expectError(enclosing, 409, 'ENROLLED_TIME_CONFLICT');
    expect(enclosing.json()).toMatchObject({ error: { details: { students: 1, sectionIds: [tue] } } });

    expect(await meetingRows(moved)).toEqual([{ day: 'MON', start_min: 540, end_min: 630 }]);
    const row = await t.karina.db
      .selectFrom('sections')
      .select(['capacity', 'taken'])
      .where('id', '=', moved)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ capacity: 10, taken: 3 });
    expect(await auditActions(t, `section:${moved}`)).toEqual(auditBefore);
  });

  it('when new meetings only touch the enrolled students’ other sections, they are stored', async () => {
    const moved = await sectionOf([['MON', '09:00', '10:30']]);
    const tue = await sectionOf([['TUE', '09:00', '10:30']]);
    const [s1] = await makeStudents(t.karina.db, dept, 1);
    await enroll(t, s1!, moved);
    await enroll(t, s1!, tue);
    const res = await patch(moved, {
      meetings: [
        { day: 'TUE', start: '10:30', end: '12:00' },
        { day: 'TUE', start: '07:30', end: '09:00' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      meetings: [
        { day: 'TUE', start: '07:30', end: '09:00' },
        { day: 'TUE', start: '10:30', end: '12:00' },
      ],
    });
    expect(await meetingRows(moved)).toEqual([
      { day: 'TUE', start_min: 450, end_min: 540 },
      { day: 'TUE', start_min: 630, end_min: 720 },
    ]);
    expect(await auditActions(t, `section:${moved}`)).toEqual(['section.update']);
  });

  it('when only wait-listed students hold an overlapping section, or nobody is enrolled, the move is stored', async () => {
    const moved = await sectionOf([['MON', '09:00', '10:30']], 1);
    const thu = await sectionOf([['THU', '09:00', '10:00']]);
    const [holder, waiting] = await makeStudents(t.karina.db, dept, 2);
    await enroll(t, holder!, moved);
    await enroll(t, waiting!, thu);
    await addToWaitlist(t, waiting!, moved);
    const res = await patch(moved, { meetings: [{ day: 'THU', start: '09:00', end: '10:00' }] });
    expect(res.statusCode).toBe(200);
    expect(await meetingRows(moved)).toEqual([{ day: 'THU', start_min: 540, end_min: 600 }]);

    const empty = await sectionOf([['FRI', '09:00', '10:00']]);
    const res2 = await patch(empty, { meetings: [{ day: 'THU', start: '09:00', end: '10:00' }] });
    expect(res2.statusCode).toBe(200);
    expect(await meetingRows(empty)).toEqual([{ day: 'THU', start_min: 540, end_min: 600 }]);
  });

  it('when an admin moves a section while its student registers for the target time, the student never holds an overlap', async () => {
    const period = await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 200,
    });
    const students = await makeStudents(t.karina.db, dept, ROUNDS);
    for (const student of students) {
      const moved = await sectionOf([['MON', '09:00', '10:00']]);
      const target = await sectionOf([['SAT', '15:00', '16:00']]);
      await enroll(t, student, moved);
      const token = await t.tokenFor('student', student);
      const [admin, register] = await Promise.all([
        patch(moved, { meetings: [{ day: 'SAT', start: '15:30', end: '16:30' }] }),
        t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: target } }),
      ]);
      const held = await t.karina.db
        .selectFrom('enrollments')
        .select('section_id')
        .where('student_id', '=', student)
        .orderBy('section_id')
        .execute();
      // Exactly one of the two wins; the loser is refused with a conflict.
      if (admin.statusCode === 200) {
        expectError(register, 409, 'TIME_CONFLICT');
        expect(held).toEqual([{ section_id: moved }]);
      } else {
        expectError(admin, 409, 'ENROLLED_TIME_CONFLICT');
        expect(register.statusCode, register.body).toBe(201);
        expect(held).toEqual([{ section_id: moved }, { section_id: target }]);
        expect(await meetingRows(moved)).toEqual([{ day: 'MON', start_min: 540, end_min: 600 }]);
      }
    }
    await t.karina.db.deleteFrom('periods').where('id', '=', period).execute();
  });
});
