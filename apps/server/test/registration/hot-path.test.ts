import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentService } from '../../src/modules/enrollment/enrollment.service.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  insertCartItem,
  insertWaitlistEntry,
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';
import { countingDb } from '../support/query-count.js';

const HOUR = 3_600_000;

/**
 * The statement budget of one registration, so a change that adds a round trip to the hot path
 * shows up here (docs/architecture.md quotes these numbers). Before the in-memory catalogue:
 * 10 statements (11 on MariaDB) for a registration, 6 (7) for a full section's refusal.
 */
describe.each(testDatabaseKinds())('registration hot path on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 21,
    });
    dept = (await makeDepartment(t.karina.db)).id;
  });
  afterAll(async () => t?.close());

  const actor = (id: number) => ({ role: 'student' as const, id, requestId: 'r' });

  async function fourSections(): Promise<number[]> {
    const sections: number[] = [];
    for (const day of ['MON', 'TUE', 'WED', 'THU'] as const) {
      sections.push(
        await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
          meetings: [[day, '09:00', '10:30']],
        }),
      );
    }
    return sections;
  }

  it('when a student with three sections registers a fourth already in memory, the transaction sends 4 statements', async () => {
    const [id, warmer] = await makeStudents(t.karina.db, dept, 2);
    const sections = await fourSections();
    const plain = createEnrollmentService(t.app.deps);
    for (const s of sections.slice(0, 3)) await plain.register(actor(id!), s);
    await plain.register(actor(warmer!), sections[3]!);

    const counted = countingDb(t.karina.db);
    const service = createEnrollmentService({ ...t.app.deps, db: counted.db });
    const result = await service.register(actor(id!), sections[3]!);

    // student lock with held sections (and whether a wait-list/cart row exists), take seat,
    // insert enrollment (credits re-checked in the same statement), audit row.
    expect(counted.kinds()).toEqual([
      'SelectQueryNode',
      'UpdateQueryNode',
      'InsertQueryNode',
      'InsertQueryNode',
    ]);
    expect(result.totalCredits).toBe(12);
    expect((await seatState(t.karina.db, sections[3]!)).rows).toBe(2);
  });

  it('when the section is not in memory yet, one more statement reads it with its meetings', async () => {
    const [id] = await makeStudents(t.karina.db, dept, 1);
    const sections = await fourSections();
    const plain = createEnrollmentService(t.app.deps);
    for (const s of sections.slice(0, 3)) await plain.register(actor(id!), s);

    const counted = countingDb(t.karina.db);
    const service = createEnrollmentService({ ...t.app.deps, db: counted.db });
    const result = await service.register(actor(id!), sections[3]!);

    expect(counted.count()).toBe(5);
    expect(result.enrollment.meetings).toEqual([{ day: 'THU', start: '09:00', end: '10:30' }]);
  });

  it('when the student has the section in the cart and on its wait-list, both rows are deleted (2 more statements)', async () => {
    const [id, warmer] = await makeStudents(t.karina.db, dept, 2);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['FRI', '13:00', '14:00']],
    });
    await createEnrollmentService(t.app.deps).register(actor(warmer!), section);
    await insertCartItem(t.karina.db, id!, section);
    await insertWaitlistEntry(t.karina.db, id!, section);

    const counted = countingDb(t.karina.db);
    await createEnrollmentService({ ...t.app.deps, db: counted.db }).register(actor(id!), section);

    expect(counted.count()).toBe(6);
    const cart = await t.karina.db
      .selectFrom('cart_items')
      .selectAll()
      .where('student_id', '=', id!)
      .execute();
    const waiting = await t.karina.db
      .selectFrom('waitlist_entries')
      .selectAll()
      .where('student_id', '=', id!)
      .execute();
    expect(cart).toEqual([]);
    expect(waiting).toEqual([]);
  });

  it('when a section is full, the first refusal reads the roster once and later refusals send no statement at all', async () => {
    const [holder, first, second] = await makeStudents(t.karina.db, dept, 3);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['SAT', '09:00', '10:00']],
    });
    await createEnrollmentService(t.app.deps).register(actor(holder!), section);

    const counted = countingDb(t.karina.db);
    const service = createEnrollmentService({ ...t.app.deps, db: counted.db });
    await expect(service.register(actor(first!), section)).rejects.toMatchObject({ code: 'SECTION_FULL' });
    // student lock with held sections, take seat (refused), then the roster outside the transaction.
    expect(counted.kinds()).toEqual(['SelectQueryNode', 'UpdateQueryNode', 'SelectQueryNode']);

    const before = counted.count();
    await expect(service.register(actor(second!), section)).rejects.toMatchObject({
      code: 'SECTION_FULL',
      details: { sectionId: section, capacity: 1 },
    });
    await expect(service.register(actor(first!), section)).rejects.toMatchObject({ code: 'SECTION_FULL' });
    // A student who holds the section is told so, from the same memory.
    await expect(service.register(actor(holder!), section)).rejects.toMatchObject({
      code: 'ALREADY_ENROLLED',
    });
    expect(counted.count()).toBe(before);
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 1, rows: 1, capacity: 1 });
  });
});
