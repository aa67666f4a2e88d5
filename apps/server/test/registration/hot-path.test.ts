import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentService } from '../../src/modules/enrollment/enrollment.service.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import { countingDb } from '../support/query-count.js';

const HOUR = 3_600_000;

/**
 * The statement budget of one registration, so a change that adds a round trip to the hot path
 * shows up here (docs/architecture.md quotes these numbers).
 */
describe.each(testDatabaseKinds())('registration hot path on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 21,
    });
  });
  afterAll(async () => t?.close());

  // MariaDB adds one: the shared lock on the subject row that keeps credits from changing mid-registration.
  const extra = name === 'mysql' ? 1 : 0;

  it('when a student with three sections registers a fourth, the transaction sends 10 statements (+1 on MariaDB)', async () => {
    const dept = (await makeDepartment(t.karina.db)).id;
    const [id] = await makeStudents(t.karina.db, dept, 1);
    const sections: number[] = [];
    for (const day of ['MON', 'TUE', 'WED', 'THU'] as const) {
      sections.push(
        await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
          meetings: [[day, '09:00', '10:30']],
        }),
      );
    }
    const plain = createEnrollmentService(t.app.deps);
    const actor = { role: 'student' as const, id: id!, requestId: 'r' };
    for (const s of sections.slice(0, 3)) await plain.register(actor, s);

    const counted = countingDb(t.karina.db);
    const service = createEnrollmentService({ ...t.app.deps, db: counted.db });
    await service.register(actor, sections[3]!);

    // lock student, open period, section, (MariaDB: shared subject lock), held sections, meetings,
    // take seat, insert enrollment, clear own wait-list row, clear own cart row, audit row.
    expect(counted.count()).toBe(10 + extra);
    expect(counted.kinds().filter((k) => k === 'SelectQueryNode')).toHaveLength(5 + extra);
  });

  it('when the section is full, the transaction stops after 6 statements (+1 on MariaDB) and writes nothing', async () => {
    const dept = (await makeDepartment(t.karina.db)).id;
    const [id] = await makeStudents(t.karina.db, dept, 1);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 0,
      meetings: [['FRI', '09:00', '10:00']],
    });
    const counted = countingDb(t.karina.db);
    const service = createEnrollmentService({ ...t.app.deps, db: counted.db });
    await expect(
      service.register({ role: 'student', id: id!, requestId: 'r' }, section),
    ).rejects.toMatchObject({ code: 'SECTION_FULL' });
    expect(counted.count()).toBe(6 + extra);
  });
});
