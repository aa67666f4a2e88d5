import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { insertEnrollment, insertStudent, insertWaitlistEntry, seedCatalog } from './fixtures.js';
import type { CatalogFixture } from './fixtures.js';

interface SectionItem {
  id: number;
  number: number;
  subject: {
    id: number;
    code: string;
    name: string;
    credits: number;
    type: string;
    targetYear: number | null;
    department: { id: number; code: string; name: string };
  };
  professor: { id: number; name: string } | null;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  available: number;
  meetings: { day: string; start: string; end: string }[];
}
interface SectionPage {
  items: SectionItem[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(testDatabaseKinds())('catalog on $label', ({ name }) => {
  let t: TestApp;
  let f: CatalogFixture;
  beforeAll(async () => {
    t = await createTestApp(name);
    f = await seedCatalog(t.karina.db);
  });
  afterAll(async () => t?.close());

  async function list(query: string): Promise<SectionPage> {
    const res = await t.call('GET', `/sugang/api/sections${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SectionPage>();
  }
  const ids = (page: SectionPage) => page.items.map((i) => i.id);

  it('when nobody is logged in, the whole catalog lists in subject-code and section order', async () => {
    const page = await list('');
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(ids(page)).toEqual(f.ordered);
  });

  it('when a section is listed, it carries subject, department, professor, live counts and sorted meetings', async () => {
    const page = await list('?q=C070001');
    const first = page.items.find((i) => i.id === f.sections.dataStructures1);
    expect(first).toEqual({
      id: f.sections.dataStructures1,
      number: 1,
      subject: {
        id: f.subjects.dataStructures,
        code: 'C070001',
        name: '자료구조',
        credits: 3,
        type: 'major_required',
        targetYear: 2,
        department: { id: f.departments.cs, code: '07', name: '컴퓨터공학과' },
      },
      professor: { id: f.professors.kim, name: '김교수' },
      capacity: 2,
      enrolled: 0,
      waitlisted: 0,
      available: 2,
      meetings: [
        { day: 'MON', start: '09:00', end: '10:30' },
        { day: 'WED', start: '09:00', end: '10:30' },
      ],
    });
    const tba = page.items.find((i) => i.id === f.sections.dataStructures2);
    expect(tba?.professor).toBeNull();
  });

  it('when filtering by department, a two-digit value is the code and any other number is the id', async () => {
    expect(ids(await list('?departmentCode=07'))).toEqual([
      f.sections.dataStructures1,
      f.sections.dataStructures2,
      f.sections.os1,
      f.sections.dataScience1,
    ]);
    expect(ids(await list('?departmentCode=12'))).toEqual([f.sections.linearAlgebra1, f.sections.calculus1]);
    expect(ids(await list(`?department=${f.departments.math}`))).toEqual([
      f.sections.linearAlgebra1,
      f.sections.calculus1,
    ]);
    expect(await list('?departmentCode=99')).toMatchObject({ items: [], total: 0 });
    expect(await list('?department=123456')).toMatchObject({ items: [], total: 0 });
  });

  it('when searching with q, subject name, subject code and professor name match case-insensitively', async () => {
    expect(ids(await list(`?q=${encodeURIComponent('자료')}`))).toEqual([
      f.sections.dataStructures1,
      f.sections.dataStructures2,
    ]);
    expect(ids(await list('?q=c0700'))).toEqual([
      f.sections.dataStructures1,
      f.sections.dataStructures2,
      f.sections.os1,
      f.sections.dataScience1,
    ]);
    expect(ids(await list(`?q=${encodeURIComponent('김교')}`))).toEqual([
      f.sections.dataStructures1,
      f.sections.os1,
    ]);
    expect(ids(await list(`?q=${encodeURIComponent('LEE prof')}`))).toEqual([
      f.sections.dataScience1,
      f.sections.linearAlgebra1,
      f.sections.calculus1,
    ]);
    expect(ids(await list('?q=data_sci'))).toEqual([f.sections.dataScience1]);
  });

  it('when q holds LIKE wildcards or the escape character, they match only themselves', async () => {
    expect(ids(await list('?q=_'))).toEqual([f.sections.dataScience1]);
    expect(ids(await list(`?q=${encodeURIComponent('%')}`))).toEqual([f.sections.dataScience1]);
    expect(ids(await list(`?q=${encodeURIComponent('0%')}`))).toEqual([f.sections.dataScience1]);
    expect(await list(`?q=${encodeURIComponent('!')}`)).toMatchObject({ total: 0 });
    expect(await list(`?q=${encodeURIComponent('자%구')}`)).toMatchObject({ total: 0 });
    expect(ids(await list(`?q=${encodeURIComponent('\\')}`))).toEqual([f.sections.calculus1]);
  });

  it('when filtering by day, only sections meeting that day are listed, once each', async () => {
    expect(ids(await list('?day=MON'))).toEqual([f.sections.dataStructures1, f.sections.linearAlgebra1]);
    expect(ids(await list('?day=WED'))).toEqual([f.sections.dataStructures1]);
    expect(ids(await list('?day=SAT'))).toEqual([f.sections.calculus1]);
    const mon = await list('?day=MON');
    expect(mon.total).toBe(2);
    expect(mon.items[0]?.meetings).toHaveLength(2);
  });

  it('when filtering by year, type or credits, only matching subjects are listed', async () => {
    expect(ids(await list('?year=2'))).toEqual([
      f.sections.dataStructures1,
      f.sections.dataStructures2,
      f.sections.linearAlgebra1,
    ]);
    expect(ids(await list('?year=1'))).toEqual([f.sections.dataScience1]);
    expect(await list('?year=4')).toMatchObject({ items: [], total: 0 });
    expect(ids(await list('?type=general'))).toEqual([f.sections.dataScience1, f.sections.calculus1]);
    expect(ids(await list('?type=major_elective'))).toEqual([f.sections.os1]);
    expect(ids(await list('?credits=4'))).toEqual([f.sections.calculus1]);
    expect(ids(await list('?credits=3'))).toHaveLength(4);
  });

  it('when filters are combined, every one of them applies', async () => {
    expect(ids(await list('?departmentCode=07&day=MON'))).toEqual([f.sections.dataStructures1]);
    expect(ids(await list(`?q=${encodeURIComponent('자료')}&day=TUE`))).toEqual([f.sections.dataStructures2]);
    expect(ids(await list('?type=major_required&year=2&credits=3&departmentCode=12'))).toEqual([
      f.sections.linearAlgebra1,
    ]);
    expect(await list('?type=general&day=MON')).toMatchObject({ items: [], total: 0 });
    const page = await list(`?departmentCode=07&q=${encodeURIComponent('김')}&pageSize=1&page=2`);
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(ids(page)).toEqual([f.sections.os1]);
  });

  it('when a form sends blank parameters, they mean no filter', async () => {
    const page = await list('?department=&departmentCode=&q=&day=&year=&type=&credits=&page=&pageSize=');
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 20 });
  });

  it('when paging, pages are disjoint slices of one stable order and total counts every match', async () => {
    const seen: number[] = [];
    for (const p of [1, 2, 3]) {
      const page = await list(`?pageSize=2&page=${p}`);
      expect(page).toMatchObject({ total: 6, page: p, pageSize: 2 });
      expect(page.items).toHaveLength(2);
      seen.push(...ids(page));
    }
    expect(seen).toEqual(f.ordered);
    const past = await list('?pageSize=2&page=4');
    expect(past).toMatchObject({ items: [], total: 6, page: 4 });
    expect((await list('?pageSize=100')).items).toHaveLength(6);
  });

  it('when students enroll or join the wait-list, the counts change live in the list and the detail', async () => {
    const db = t.karina.db;
    const sectionId = f.sections.dataStructures1;
    const students = [];
    for (const [i, studentNo] of ['2607001', '2607002', '2607003'].entries()) {
      students.push(
        await insertStudent(db, { departmentId: f.departments.cs, studentNo, name: `학생${i}`, year: 2 }),
      );
    }
    const [a, b, c] = students as [number, number, number];
    await insertEnrollment(db, a, sectionId);
    const one = await t.call('GET', `/sugang/api/sections/${sectionId}`);
    expect(one.json()).toMatchObject({ capacity: 2, enrolled: 1, waitlisted: 0, available: 1 });

    await insertEnrollment(db, b, sectionId);
    await insertWaitlistEntry(db, c, sectionId);
    await insertWaitlistEntry(db, a, f.sections.os1);
    const full = await t.call('GET', `/sugang/api/sections/${sectionId}`);
    expect(full.json()).toMatchObject({ capacity: 2, enrolled: 2, waitlisted: 1, available: 0 });
    const listed = await list('?departmentCode=07');
    expect(listed.items.find((i) => i.id === sectionId)).toMatchObject({
      enrolled: 2,
      waitlisted: 1,
      available: 0,
    });
    expect(listed.items.find((i) => i.id === f.sections.os1)).toMatchObject({ enrolled: 0, waitlisted: 1 });
    expect(listed.items.find((i) => i.id === f.sections.dataStructures2)).toMatchObject({
      enrolled: 0,
      waitlisted: 0,
    });
    const row = await db
      .selectFrom('sections')
      .select('taken')
      .where('id', '=', sectionId)
      .executeTakeFirstOrThrow();
    expect(row.taken).toBe(2);
  });

  it('when a section id is unknown, the detail is 404 NOT_FOUND, and a non-numeric id is 400', async () => {
    const missing = await t.call('GET', '/sugang/api/sections/987654');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await t.call('GET', '/sugang/api/sections/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when a known section is fetched, the detail has the contract keys and the list item shape', async () => {
    const res = await t.call('GET', `/sugang/api/sections/${f.sections.calculus1}`);
    expect(res.statusCode).toBe(200);
    const item = res.json<SectionItem>();
    for (const key of ['id', 'subject', 'professor', 'capacity', 'enrolled', 'waitlisted', 'meetings']) {
      expect(item).toHaveProperty(key);
    }
    const listed = (await list('?departmentCode=12')).items.find((i) => i.id === f.sections.calculus1);
    expect(listed).toBeDefined();
    expect(item).toEqual({ ...listed, subject: { ...listed?.subject, description: null } });
    expect(item.subject.targetYear).toBeNull();
    expect(item.meetings).toEqual([{ day: 'SAT', start: '21:00', end: '24:00' }]);
  });

  it.each([
    ['day=SUN'],
    ['day=mon'],
    ['year=0'],
    ['year=5'],
    ['year=two'],
    ['type=elective'],
    ['credits=0'],
    ['credits=7'],
    ['credits=2.5'],
    ['department=abc'],
    ['department=-3'],
    ['department=0'],
    ['department=12345678901'],
    ['page=0'],
    ['pageSize=0'],
    ['pageSize=101'],
    [`q=${'x'.repeat(101)}`],
    ['day=MON&day=TUE'],
    ['sort=seats'],
  ])('when the query has %s, the answer is 400 VALIDATION_FAILED', async (query) => {
    const res = await t.call('GET', `/sugang/api/sections?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when q is exactly 100 characters, it is accepted', async () => {
    expect(await list(`?q=${'x'.repeat(100)}`)).toMatchObject({ total: 0 });
  });

  it('when the server time is asked, it comes from the injected clock', async () => {
    const at = Date.UTC(2026, 1, 23, 0, 59, 59, 250);
    t.clock.set(at);
    const res = await t.call('GET', '/sugang/api/time');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: '2026-02-23T00:59:59.250Z', epochMs: at });
    t.clock.advance(750);
    expect((await t.call('GET', '/sugang/api/time')).json()).toMatchObject({ epochMs: at + 750 });
  });
});
