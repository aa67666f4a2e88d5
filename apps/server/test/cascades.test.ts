import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import {
  addToCart,
  addToWaitlist,
  createDepartment,
  createProfessor,
  createSection,
  createSubject,
  enroll,
  expectError,
  insertStudent,
  sectionTaken,
} from './admin/fixtures.js';

const HOUR = 3_600_000;
type SectionTable = 'enrollments' | 'cart_items' | 'waitlist_entries' | 'section_meetings';

/**
 * What remains after each delete: the foreign keys must leave no orphaned ("dark") rows, and
 * must never take anything that belongs to someone else.
 */
describe.each(testDatabaseKinds())('delete cascades on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  const rowsOfSections = async (table: SectionTable, sectionIds: number[]) =>
    t.karina.db.selectFrom(table).select('section_id').where('section_id', 'in', sectionIds).execute();
  const exists = async (
    table: 'departments' | 'professors' | 'subjects' | 'sections' | 'students' | 'posts',
    id: number,
  ) =>
    (await t.karina.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  const del = (url: string) => t.call('DELETE', url, { token: t.adminToken });
  const openRegistration = async () => {
    const res = await t.call('POST', '/admin/api/periods', {
      token: t.adminToken,
      body: {
        name: '수강신청',
        kind: 'registration',
        opensAt: new Date(t.clock.now() - HOUR).toISOString(),
        closesAt: new Date(t.clock.now() + HOUR).toISOString(),
        maxCredits: 21,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  };

  it('when a department is deleted, its posts, professors, subjects, sections and their rows go; other departments keep theirs', async () => {
    const doomed = await createDepartment(t);
    const home = await createDepartment(t);
    const professor = await createProfessor(t, doomed.id);
    const subject = await createSubject(t, doomed.id);
    const s1 = await createSection(t, subject.id, { professorId: professor, capacity: 1 });
    const s2 = await createSection(t, subject.id, { professorId: professor });
    const post = (
      await t.call('POST', `/admin/api/departments/${doomed.id}/posts`, {
        token: t.adminToken,
        body: { title: '공지', body: 'b' },
      })
    ).json<{ id: number }>().id;
    const keptProfessor = await createProfessor(t, home.id);
    const keptSubject = await createSubject(t, home.id);
    const kept = await createSection(t, keptSubject.id, { professorId: keptProfessor });
    const keptPost = (
      await t.call('POST', `/admin/api/departments/${home.id}/posts`, {
        token: t.adminToken,
        body: { title: '공지', body: 'b' },
      })
    ).json<{ id: number }>().id;
    const a = await insertStudent(t, home.id);
    const b = await insertStudent(t, home.id);
    await enroll(t, a.id, s1);
    await addToWaitlist(t, b.id, s1);
    await addToCart(t, b.id, s2);
    await enroll(t, a.id, kept);
    await addToCart(t, b.id, kept);

    const res = await del(`/admin/api/departments/${doomed.id}`);
    expect(res.statusCode).toBe(204);

    expect(await exists('departments', doomed.id)).toBe(false);
    expect(await exists('posts', post)).toBe(false);
    expect(await exists('professors', professor)).toBe(false);
    expect(await exists('subjects', subject.id)).toBe(false);
    expect(await exists('sections', s1)).toBe(false);
    expect(await exists('sections', s2)).toBe(false);
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries', 'section_meetings'] as const) {
      expect(await rowsOfSections(table, [s1, s2]), table).toEqual([]);
    }
    expect(await exists('departments', home.id)).toBe(true);
    expect(await exists('posts', keptPost)).toBe(true);
    expect(await exists('professors', keptProfessor)).toBe(true);
    expect(await exists('sections', kept)).toBe(true);
    expect(await exists('students', a.id)).toBe(true);
    expect(await exists('students', b.id)).toBe(true);
    expect(await rowsOfSections('enrollments', [kept])).toHaveLength(1);
    expect(await rowsOfSections('cart_items', [kept])).toHaveLength(1);
    expect(await rowsOfSections('section_meetings', [kept])).toHaveLength(1);
    expect(await sectionTaken(t, kept)).toBe(1);
  });

  it('when a department still has students, the delete is refused with 409 and nothing at all is removed', async () => {
    const d = await createDepartment(t);
    const professor = await createProfessor(t, d.id);
    const subject = await createSubject(t, d.id);
    const section = await createSection(t, subject.id, { professorId: professor });
    const s = await insertStudent(t, d.id);
    await enroll(t, s.id, section);
    const res = await del(`/admin/api/departments/${d.id}`);
    expectError(res, 409, 'DEPARTMENT_NOT_EMPTY');
    expect(await exists('departments', d.id)).toBe(true);
    expect(await exists('professors', professor)).toBe(true);
    expect(await exists('subjects', subject.id)).toBe(true);
    expect(await exists('sections', section)).toBe(true);
    expect(await rowsOfSections('enrollments', [section])).toHaveLength(1);
    expect(await sectionTaken(t, section)).toBe(1);
  });

  it('when a professor is deleted, their sections stay 교수 미정 and every enrollment, cart and wait-list row stays', async () => {
    const d = await createDepartment(t);
    const professor = await createProfessor(t, d.id);
    const other = await createProfessor(t, d.id);
    const subject = await createSubject(t, d.id);
    const taught = await createSection(t, subject.id, { professorId: professor, capacity: 1 });
    const notTaught = await createSection(t, subject.id, { professorId: other });
    const [a, b] = [await insertStudent(t, d.id), await insertStudent(t, d.id)];
    await enroll(t, a.id, taught);
    await addToWaitlist(t, b.id, taught);
    await addToCart(t, b.id, taught);

    expect((await del(`/admin/api/professors/${professor}`)).statusCode).toBe(204);

    const sections = await t.karina.db
      .selectFrom('sections')
      .select(['id', 'professor_id', 'taken'])
      .where('id', 'in', [taught, notTaught])
      .orderBy('id')
      .execute();
    expect(sections).toEqual([
      { id: taught, professor_id: null, taken: 1 },
      { id: notTaught, professor_id: other, taken: 0 },
    ]);
    expect(await rowsOfSections('enrollments', [taught])).toHaveLength(1);
    expect(await rowsOfSections('waitlist_entries', [taught])).toHaveLength(1);
    expect(await rowsOfSections('cart_items', [taught])).toHaveLength(1);
    expect(await rowsOfSections('section_meetings', [taught])).toHaveLength(1);
  });

  it('when a student is deleted, their cart, enrollment, wait-list rows and sessions go and seat counters go down', async () => {
    const d = await createDepartment(t);
    const subject = await createSubject(t, d.id);
    const other = await createSubject(t, d.id);
    const s1 = await createSection(t, subject.id, { capacity: 5 });
    const s2 = await createSection(t, other.id, {
      capacity: 5,
      meetings: [{ day: 'TUE', start: '09:00', end: '10:30' }],
    });
    const leaving = await insertStudent(t, d.id);
    const staying = await insertStudent(t, d.id);
    await enroll(t, leaving.id, s1);
    await enroll(t, leaving.id, s2);
    await enroll(t, staying.id, s1);
    await addToCart(t, leaving.id, s2);
    await addToCart(t, staying.id, s2);
    await t.tokenFor('student', leaving.id);
    const keepToken = await t.tokenFor('student', staying.id);

    expect((await del(`/admin/api/students/${leaving.id}`)).statusCode).toBe(204);

    expect(await exists('students', leaving.id)).toBe(false);
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries', 'sessions'] as const) {
      const rows = await t.karina.db
        .selectFrom(table)
        .select('student_id')
        .where('student_id', '=', leaving.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expect(await sectionTaken(t, s1)).toBe(1);
    expect(await sectionTaken(t, s2)).toBe(0);
    expect(await rowsOfSections('enrollments', [s1])).toHaveLength(1);
    expect(await rowsOfSections('cart_items', [s2])).toHaveLength(1);
    expect((await t.call('GET', '/student/api/me', { token: keepToken })).statusCode).toBe(200);
  });

  it('when a student holding the last seat is deleted during registration, the head of the wait-list takes it', async () => {
    const period = await openRegistration();
    const d = await createDepartment(t);
    const subject = await createSubject(t, d.id);
    const full = await createSection(t, subject.id, {
      capacity: 1,
      meetings: [{ day: 'FRI', start: '09:00', end: '10:00' }],
    });
    const leaving = await insertStudent(t, d.id);
    const first = await insertStudent(t, d.id);
    const second = await insertStudent(t, d.id);
    await enroll(t, leaving.id, full);
    await addToWaitlist(t, first.id, full);
    await addToWaitlist(t, second.id, full);

    expect((await del(`/admin/api/students/${leaving.id}`)).statusCode).toBe(204);

    const enrolled = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', full)
      .execute();
    expect(enrolled).toEqual([{ student_id: first.id }]);
    const waiting = await t.karina.db
      .selectFrom('waitlist_entries')
      .select('student_id')
      .where('section_id', '=', full)
      .execute();
    expect(waiting).toEqual([{ student_id: second.id }]);
    expect(await sectionTaken(t, full)).toBe(1);
    expect((await del(`/admin/api/periods/${period}`)).statusCode).toBe(204);
  });

  it('when a subject is deleted, its sections and all their rows go; the students and other subjects stay', async () => {
    const d = await createDepartment(t);
    const subject = await createSubject(t, d.id);
    const keptSubject = await createSubject(t, d.id);
    const gone = await createSection(t, subject.id);
    const kept = await createSection(t, keptSubject.id, {
      meetings: [{ day: 'WED', start: '09:00', end: '10:00' }],
    });
    const s = await insertStudent(t, d.id);
    const w = await insertStudent(t, d.id);
    await enroll(t, s.id, gone);
    await enroll(t, s.id, kept);
    await addToWaitlist(t, w.id, gone);
    await addToCart(t, w.id, gone);

    expect((await del(`/admin/api/subjects/${subject.id}`)).statusCode).toBe(204);

    expect(await exists('subjects', subject.id)).toBe(false);
    expect(await exists('sections', gone)).toBe(false);
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries', 'section_meetings'] as const) {
      expect(await rowsOfSections(table, [gone]), table).toEqual([]);
    }
    expect(await exists('students', s.id)).toBe(true);
    expect(await exists('sections', kept)).toBe(true);
    expect(await rowsOfSections('enrollments', [kept])).toHaveLength(1);
    expect(await sectionTaken(t, kept)).toBe(1);
  });

  it('when a section is deleted, its rows go and the same students keep their other sections', async () => {
    const d = await createDepartment(t);
    const subject = await createSubject(t, d.id);
    const other = await createSubject(t, d.id);
    const gone = await createSection(t, subject.id, { capacity: 1 });
    const kept = await createSection(t, other.id, {
      meetings: [{ day: 'THU', start: '09:00', end: '10:00' }],
    });
    const s = await insertStudent(t, d.id);
    const w = await insertStudent(t, d.id);
    await enroll(t, s.id, gone);
    await enroll(t, s.id, kept);
    await addToWaitlist(t, w.id, gone);
    await addToCart(t, w.id, gone);
    await addToCart(t, w.id, kept);

    expect((await del(`/admin/api/sections/${gone}`)).statusCode).toBe(204);

    expect(await exists('sections', gone)).toBe(false);
    for (const table of ['enrollments', 'cart_items', 'waitlist_entries', 'section_meetings'] as const) {
      expect(await rowsOfSections(table, [gone]), table).toEqual([]);
    }
    expect(await exists('subjects', subject.id)).toBe(true);
    expect(
      await t.karina.db
        .selectFrom('enrollments')
        .select('section_id')
        .where('student_id', '=', s.id)
        .execute(),
    ).toEqual([{ section_id: kept }]);
    expect(
      await t.karina.db
        .selectFrom('cart_items')
        .select('section_id')
        .where('student_id', '=', w.id)
        .execute(),
    ).toEqual([{ section_id: kept }]);
    expect(await sectionTaken(t, kept)).toBe(1);
  });
});
