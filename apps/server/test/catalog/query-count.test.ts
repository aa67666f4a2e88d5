import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../src/modules/catalog/catalog.service.js';
import { createTimetableService } from '../../src/modules/timetable/timetable.service.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { countingDb } from '../support/query-count.js';
import { insertEnrollment, insertStudent, insertWaitlistEntry, seedCatalog } from './fixtures.js';
import type { CatalogFixture } from './fixtures.js';

describe.each(testDatabaseKinds())('catalog and timetable query counts on $label', ({ name }) => {
  let t: TestApp;
  let f: CatalogFixture;
  beforeAll(async () => {
    t = await createTestApp(name);
    f = await seedCatalog(t.karina.db);
  });
  afterAll(async () => t?.close());

  it('when a page of sections is listed, it takes three queries however many sections it holds', async () => {
    const counted = countingDb(t.karina.db);
    const catalog = createCatalogService({ ...t.app.deps, db: counted.db });
    const page = await catalog.listSections({ pageSize: 100 });
    expect(page.items).toHaveLength(6);
    expect(counted.count()).toBe(3);
  });

  it('when one section is fetched, it takes two queries', async () => {
    const counted = countingDb(t.karina.db);
    const catalog = createCatalogService({ ...t.app.deps, db: counted.db });
    await catalog.getSection(f.sections.dataStructures1);
    expect(counted.count()).toBe(2);
  });

  it('when a timetable is built for a student with several sections, it takes two queries', async () => {
    const db = t.karina.db;
    const student = await insertStudent(db, {
      departmentId: f.departments.cs,
      studentNo: '2607009',
      name: '카',
      year: 2,
    });
    for (const section of [f.sections.dataStructures1, f.sections.os1, f.sections.calculus1]) {
      await insertEnrollment(db, student, section);
    }
    await insertWaitlistEntry(db, student, f.sections.linearAlgebra1);
    const counted = countingDb(db);
    const timetable = createTimetableService({ ...t.app.deps, db: counted.db });
    const result = await timetable.getTimetable(student);
    expect(result.items).toHaveLength(3);
    expect(result.totalCredits).toBe(10);
    expect(counted.count()).toBe(2);
  });
});
