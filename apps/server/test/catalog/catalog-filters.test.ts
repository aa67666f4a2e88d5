import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeSection, makeSubject } from '../support/fixtures.js';
import { insertEnrollment, insertStudent, seedCatalog } from './fixtures.js';
import type { CatalogFixture } from './fixtures.js';

interface Listed {
  id: number;
  subject: Record<string, unknown>;
  available: number;
  enrolled: number;
}
interface SectionPage {
  items: Listed[];
  total: number;
}

describe.each(testDatabaseKinds())('catalog filters and sorting on $label', ({ name }) => {
  let t: TestApp;
  let f: CatalogFixture;
  beforeAll(async () => {
    t = await createTestApp(name);
    f = await seedCatalog(t.karina.db);
    // Seats taken: 자료구조 1분반 full (2 of 2), 운영체제 one of 40; everything else empty.
    const db = t.karina.db;
    const students = [];
    for (const studentNo of ['2607101', '2607102', '2607103']) {
      students.push(
        await insertStudent(db, { departmentId: f.departments.cs, studentNo, name: studentNo, year: 2 }),
      );
    }
    const [a, b, c] = students as [number, number, number];
    await insertEnrollment(db, a, f.sections.dataStructures1);
    await insertEnrollment(db, b, f.sections.dataStructures1);
    await insertEnrollment(db, c, f.sections.os1);
  });
  afterAll(async () => t?.close());

  async function list(query: string): Promise<SectionPage> {
    const res = await t.call('GET', `/sugang/api/sections${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SectionPage>();
  }
  const ids = async (query: string) => (await list(query)).items.map((i) => i.id);

  it('when filtering by professor, only that name matches, case-insensitively and as a substring', async () => {
    const s = f.sections;
    expect(await ids('?professor=LEE')).toEqual([s.dataScience1, s.linearAlgebra1, s.calculus1]);
    expect(await ids(`?professor=${encodeURIComponent(' 김교 ')}`)).toEqual([s.dataStructures1, s.os1]);
    expect(await list(`?professor=${encodeURIComponent('자료')}`)).toMatchObject({ items: [], total: 0 });
    expect(await list('?professor=%25')).toMatchObject({ total: 0 });
    expect(await ids('?professor=prof&departmentCode=12')).toEqual([s.linearAlgebra1, s.calculus1]);
  });

  it('when a time range is given, only sections whose every meeting lies within [from, until) are listed', async () => {
    const s = f.sections;
    expect(await ids('?from=09:00&until=10:30')).toEqual([s.dataStructures1]);
    expect(await ids('?from=09:00&until=12:00')).toEqual([s.dataStructures1, s.os1]);
    expect(await ids('?from=09:30&until=12:00')).toEqual([s.os1]);
    expect(await ids('?until=11:30')).toEqual([s.dataStructures1]);
    expect(await ids('?from=21:00')).toEqual([s.calculus1]);
    expect(await ids('?from=21:00&until=24:00')).toEqual([s.calculus1]);
    expect(await list('?from=13:00&until=14:00')).toMatchObject({ items: [], total: 0 });
    expect(await list('?from=00:00&until=24:00')).toMatchObject({ total: 6 });
  });

  it.each([
    ['from=10:00&until=09:00'],
    ['from=09:00&until=09:00'],
    ['from=09:15'],
    ['until=25:00'],
    ['from=9:00'],
    ['sort=seats'],
    ['order=up'],
    ['sort=name&sort=code'],
    [`professor=${'x'.repeat(101)}`],
  ])('when the query has %s, the answer is 400 VALIDATION_FAILED', async (query) => {
    const res = await t.call('GET', `/sugang/api/sections?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when sorted by each key in either order, ties fall back to subject code then 분반', async () => {
    const {
      dataStructures1: ds1,
      dataStructures2: ds2,
      os1,
      dataScience1: sci,
      linearAlgebra1: la,
      calculus1: calc,
    } = f.sections;
    expect(await ids('?sort=code')).toEqual([ds1, ds2, os1, sci, la, calc]);
    expect(await ids('?sort=code&order=desc')).toEqual([calc, la, sci, os1, ds2, ds1]);
    // Code-point order: Latin before Hangul, and 미 < 선 < 운 < 자.
    expect(await ids('?sort=name')).toEqual([sci, calc, la, os1, ds1, ds2]);
    expect(await ids('?sort=name&order=desc')).toEqual([ds1, ds2, os1, la, calc, sci]);
    expect(await ids('?sort=credits')).toEqual([sci, ds1, ds2, os1, la, calc]);
    expect(await ids('?sort=credits&order=desc')).toEqual([calc, ds1, ds2, os1, la, sci]);
    expect(await ids('?sort=professor')).toEqual([sci, la, calc, ds1, os1, ds2]);
    expect(await ids('?sort=professor&order=desc')).toEqual([ds1, os1, sci, la, calc, ds2]);
    expect(await ids('?sort=available')).toEqual([ds1, ds2, os1, la, calc, sci]);
    expect(await ids('?sort=available&order=desc')).toEqual([sci, la, calc, os1, ds2, ds1]);
    expect(await ids('?sort=enrolled')).toEqual([ds2, sci, la, calc, os1, ds1]);
    expect(await ids('?sort=enrolled&order=desc')).toEqual([ds1, os1, ds2, sci, la, calc]);
  });

  it('when a sorted list is paged or filtered, pages are slices of the same order and blank sort means the default', async () => {
    const s = f.sections;
    expect(await ids('?sort=credits&order=desc&pageSize=2&page=2')).toEqual([s.dataStructures2, s.os1]);
    expect(await ids('?professor=lee&sort=credits&order=desc')).toEqual([
      s.calculus1,
      s.linearAlgebra1,
      s.dataScience1,
    ]);
    expect(await ids('?sort=&order=&professor=&from=&until=')).toEqual(f.ordered);
  });

  it('when a section is fetched alone, it carries the subject description, which the list leaves out', async () => {
    const description = '배열, 연결 리스트, 트리와 그래프.\n실습 포함';
    await t.karina.db
      .updateTable('subjects')
      .set({ description })
      .where('id', '=', f.subjects.dataStructures)
      .execute();
    const res = await t.call('GET', `/sugang/api/sections/${f.sections.dataStructures1}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Listed>().subject).toMatchObject({ code: 'C070001', description });
    const other = await t.call('GET', `/sugang/api/sections/${f.sections.os1}`);
    expect(other.json<Listed>().subject).toMatchObject({ description: null });
    const listed = (await list('?departmentCode=07')).items.find((i) => i.id === f.sections.dataStructures1);
    expect(listed?.subject).not.toHaveProperty('description');
  });

  // Last: these add sections the other tests do not expect.
  it('when a section meets twice, one meeting outside the range excludes it; a section without meetings is never in a range', async () => {
    const db = t.karina.db;
    const subject = await makeSubject(db, f.departments.cs, { code: 'Z990001', name: '세미나' });
    const split = await makeSection(db, subject, {
      meetings: [
        ['MON', '09:00', '10:30'],
        ['TUE', '15:00', '16:30'],
      ],
    });
    const unscheduled = await makeSection(db, subject, { meetings: [] });
    expect(await ids('?from=09:00&until=12:00')).toEqual([f.sections.dataStructures1, f.sections.os1]);
    expect(await ids('?from=09:00&until=17:00')).toEqual([
      f.sections.dataStructures1,
      f.sections.dataStructures2,
      f.sections.os1,
      f.sections.dataScience1,
      f.sections.linearAlgebra1,
      split,
    ]);
    expect(await ids('?from=00:00&until=24:00')).not.toContain(unscheduled);
    expect(await ids('?departmentCode=07')).toContain(unscheduled);
  });
});
