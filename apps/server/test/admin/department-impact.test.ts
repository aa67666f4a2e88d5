import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
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
} from './fixtures.js';

const TABLES = [
  'students',
  'professors',
  'subjects',
  'sections',
  'enrollments',
  'cart_items',
  'waitlist_entries',
  'posts',
] as const;

interface Impact {
  department: { id: number; code: string; name: string };
  students: number;
  professors: number;
  subjects: number;
  sections: number;
  enrollments: number;
  cartItems: number;
  waitlistEntries: number;
  posts: number;
  deletable: boolean;
}

describe.each(testDatabaseKinds())('department delete preview on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  async function tableCounts(): Promise<Record<(typeof TABLES)[number], number>> {
    const counts = {} as Record<(typeof TABLES)[number], number>;
    for (const table of TABLES) {
      const row = await t.karina.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  async function impact(id: number): Promise<Impact> {
    const res = await t.call('GET', `/admin/api/departments/${id}/impact`, { token: t.adminToken });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Impact>();
  }

  /** Department A with rows of every kind, and B whose students use A's sections and whose own rows must not count. */
  async function twoDepartments() {
    const a = await createDepartment(t);
    const b = await createDepartment(t);
    const profA1 = await createProfessor(t, a.id);
    await createProfessor(t, a.id);
    const subjectA1 = await createSubject(t, a.id);
    const subjectA2 = await createSubject(t, a.id);
    const sectionA1 = await createSection(t, subjectA1.id, { professorId: profA1, capacity: 1 });
    const sectionA2 = await createSection(t, subjectA1.id, {
      meetings: [{ day: 'TUE', start: '09:00', end: '10:30' }],
    });
    const sectionA3 = await createSection(t, subjectA2.id, {
      meetings: [{ day: 'WED', start: '09:00', end: '10:30' }],
    });
    const subjectB = await createSubject(t, b.id);
    const sectionB = await createSection(t, subjectB.id);

    const studentA = await insertStudent(t, a.id);
    const [b1, b2, b3] = [
      await insertStudent(t, b.id),
      await insertStudent(t, b.id),
      await insertStudent(t, b.id),
    ];
    await enroll(t, b1.id, sectionA1);
    await enroll(t, b2.id, sectionA3);
    await enroll(t, studentA.id, sectionB);
    await addToWaitlist(t, b2.id, sectionA1);
    await addToCart(t, b3.id, sectionA2);
    await addToCart(t, b3.id, sectionA3);
    await addToCart(t, b3.id, sectionB);
    for (const title of ['수강신청 안내', '휴강 공지']) {
      const post = await t.call('POST', `/admin/api/departments/${a.id}/posts`, {
        token: t.adminToken,
        body: { title, body: '본문' },
      });
      expect(post.statusCode, post.body).toBe(201);
    }
    return { a, b, studentA };
  }

  it('when a department has students, the preview counts everything a delete would remove and says it is not deletable', async () => {
    const { a } = await twoDepartments();
    expect(await impact(a.id)).toEqual({
      department: a,
      students: 1,
      professors: 2,
      subjects: 2,
      sections: 3,
      enrollments: 2,
      cartItems: 2,
      waitlistEntries: 1,
      posts: 2,
      deletable: false,
    });
    expectError(
      await t.call('DELETE', `/admin/api/departments/${a.id}`, { token: t.adminToken }),
      409,
      'DEPARTMENT_NOT_EMPTY',
    );
  });

  it('when the students have moved, the preview says deletable, and the delete removes exactly the counted rows', async () => {
    const { a, b, studentA } = await twoDepartments();
    await t.karina.db
      .updateTable('students')
      .set({ department_id: b.id })
      .where('id', '=', studentA.id)
      .execute();
    const preview = await impact(a.id);
    expect(preview).toMatchObject({ students: 0, deletable: true });

    const before = await tableCounts();
    const res = await t.call('DELETE', `/admin/api/departments/${a.id}`, { token: t.adminToken });
    expect(res.statusCode, res.body).toBe(204);
    const after = await tableCounts();
    expect({
      students: before.students - after.students,
      professors: before.professors - after.professors,
      subjects: before.subjects - after.subjects,
      sections: before.sections - after.sections,
      enrollments: before.enrollments - after.enrollments,
      cartItems: before.cart_items - after.cart_items,
      waitlistEntries: before.waitlist_entries - after.waitlist_entries,
      posts: before.posts - after.posts,
    }).toEqual({
      students: 0,
      professors: preview.professors,
      subjects: preview.subjects,
      sections: preview.sections,
      enrollments: preview.enrollments,
      cartItems: preview.cartItems,
      waitlistEntries: preview.waitlistEntries,
      posts: preview.posts,
    });
    expect(preview).toMatchObject({ professors: 2, sections: 3, enrollments: 2, cartItems: 2, posts: 2 });
  });

  it('when a department is empty, every count is 0; an unknown one is 404 and a student may not ask', async () => {
    const empty = await createDepartment(t);
    expect(await impact(empty.id)).toEqual({
      department: empty,
      students: 0,
      professors: 0,
      subjects: 0,
      sections: 0,
      enrollments: 0,
      cartItems: 0,
      waitlistEntries: 0,
      posts: 0,
      deletable: true,
    });
    expectError(
      await t.call('GET', '/admin/api/departments/987654/impact', { token: t.adminToken }),
      404,
      'NOT_FOUND',
    );
    const student = await insertStudent(t, empty.id);
    const token = await t.tokenFor('student', student.id);
    expectError(
      await t.call('GET', `/admin/api/departments/${empty.id}/impact`, { token }),
      403,
      'FORBIDDEN',
    );
  });
});
