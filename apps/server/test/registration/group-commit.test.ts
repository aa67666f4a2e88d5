import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createEnrollmentService } from '../../src/modules/enrollment/enrollment.service.js';
import type { AppDeps } from '../../src/platform/deps.js';
import type { Db } from '../../src/platform/transactions.js';
import { openRegistrationWorld } from '../support/registration-world.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { insertEnrollment, makeSection, makeStudents, makeSubject, seatState } from '../support/fixtures.js';

/** db, with the number of transactions begun through it. */
function countingTransactions(db: Db): { db: Db; transactions: () => number } {
  let n = 0;
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return () => {
          n++;
          return target.transaction();
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: counted, transactions: () => n };
}

/** db whose audit row for one request id fails, as a database error would. */
function failingAuditFor(db: Db, requestId: string): Db {
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (args.node.kind === 'InsertQueryNode' && JSON.stringify(args.node).includes(`"${requestId}"`)) {
        throw new Error('injected database failure');
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return db.withPlugin(plugin);
}

describe.each(testDatabaseKinds())('group commit on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => ({ t, dept } = await openRegistrationWorld(name, {}, { maxCredits: 6 })));
  afterAll(async () => t?.close());

  /** The window is long, so a batch goes when `max` requests have arrived, never by the clock. */
  const batchingDeps = (db: Db, max: number): AppDeps => ({
    ...t.app.deps,
    db,
    config: { ...t.app.deps.config, groupCommitMs: 60_000, groupCommitMax: max },
  });
  const actor = (id: number, requestId = 'r') => ({ role: 'student' as const, id, requestId });
  const answer = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string; message?: string }) => e.code ?? e.message ?? 'error',
    );

  it('when a winner, a full section, a time conflict and a credit overrun arrive together, one transaction gives each its own answer', async () => {
    const [winner, late, busy, greedy] = await makeStudents(t.karina.db, dept, 4);
    const free = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['MON', '09:00', '10:00']],
    });
    const full = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 0,
    });
    const monday = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['MON', '09:30', '10:30']],
    });
    const heavy = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 5 }));
    const conflicting = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [['MON', '10:00', '11:00']],
    });
    const big = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 2 }));
    await insertEnrollment(t.karina.db, busy!, conflicting);
    await insertEnrollment(t.karina.db, greedy!, heavy);

    const counted = countingTransactions(t.karina.db);
    const service = createEnrollmentService(batchingDeps(counted.db, 4));
    const answers = await Promise.all([
      answer(service.register(actor(winner!), free)),
      answer(service.register(actor(late!), full)),
      answer(service.register(actor(busy!), monday)),
      answer(service.register(actor(greedy!), big)),
    ]);

    expect(answers).toEqual(['ok', 'SECTION_FULL', 'TIME_CONFLICT', 'CREDIT_LIMIT']);
    expect(counted.transactions()).toBe(1);
    expect(await seatState(t.karina.db, free)).toMatchObject({ taken: 1, rows: 1 });
    for (const s of [full, monday, big]) expect((await seatState(t.karina.db, s)).rows).toBe(0);
    const audit = await t.karina.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'enrollment.register')
      .where('target', 'in', [`section:${free}`, `section:${monday}`, `section:${big}`])
      .execute();
    expect(audit).toEqual([{ actor_id: winner }]);
  });

  it("when credits change behind memory's back (no message) before a batch, every enrollment of the batch carries the committed credits", async () => {
    const [filler, a, b] = await makeStudents(t.karina.db, dept, 3);
    const subject = await makeSubject(t.karina.db, dept, { credits: 3 });
    const first = await makeSection(t.karina.db, subject);
    const second = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }));
    const service = createEnrollmentService(batchingDeps(t.karina.db, 2));
    // The filler's registration puts the 3-credit statics in memory.
    await Promise.all([service.register(actor(filler!), first), service.register(actor(b!), second)]);
    await t.karina.db.deleteFrom('enrollments').where('section_id', '=', first).execute();
    await t.karina.db.updateTable('sections').set({ taken: 0 }).where('id', '=', first).execute();
    await t.karina.db.updateTable('subjects').set({ credits: 1 }).where('id', '=', subject).execute();
    await t.karina.db.deleteFrom('enrollments').where('student_id', '=', b!).execute();
    await t.karina.db.updateTable('sections').set({ taken: 0 }).where('id', '=', second).execute();

    const answers = await Promise.all([
      service.register(actor(a!), first),
      service.register(actor(b!), second),
    ]);

    expect(answers.map((r) => r.enrollment.credits)).toEqual([1, 1]);
    const rows = await t.karina.db
      .selectFrom('enrollments')
      .select(['student_id', 'credits'])
      .where('section_id', 'in', [first, second])
      .orderBy('student_id')
      .execute();
    expect(rows).toEqual([
      { student_id: a, credits: 1 },
      { student_id: b, credits: 1 },
    ]);
  });

  it('when one registration of a batch hits a database failure, the others are still enrolled and only it fails', async () => {
    const students = await makeStudents(t.karina.db, dept, 4);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 10,
    });
    const service = createEnrollmentService(batchingDeps(failingAuditFor(t.karina.db, 'boom'), 4));

    const answers = await Promise.all(
      students.map((id, i) => answer(service.register(actor(id, i === 1 ? 'boom' : 'r'), section))),
    );

    expect(answers).toEqual(['ok', 'injected database failure', 'ok', 'ok']);
    const rows = await t.karina.db
      .selectFrom('enrollments')
      .select('student_id')
      .where('section_id', '=', section)
      .orderBy('student_id')
      .execute();
    expect(rows.map((r) => r.student_id)).toEqual([students[0], students[2], students[3]]);
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 3, rows: 3, capacity: 10 });
  });

  it('when one student sends two registrations into the same batch window, they never share a transaction and the rules hold', async () => {
    const [id] = await makeStudents(t.karina.db, dept, 1);
    const subject = await makeSubject(t.karina.db, dept, { credits: 1 });
    const first = await makeSection(t.karina.db, subject);
    const second = await makeSection(t.karina.db, subject);
    const counted = countingTransactions(t.karina.db);
    // The first waits out a short window for company; the second must not join it.
    const service = createEnrollmentService({
      ...t.app.deps,
      db: counted.db,
      config: { ...t.app.deps.config, groupCommitMs: 1, groupCommitMax: 2 },
    });

    const answers = await Promise.all([
      answer(service.register(actor(id!), first)),
      answer(service.register(actor(id!), second)),
    ]);

    expect(answers.sort()).toEqual(['SAME_SUBJECT', 'ok']);
    expect(counted.transactions()).toBe(2);
  });

  it('when 60 students race for the last 7 seats with group commit on, exactly 7 are enrolled and the counter equals the rows', async () => {
    const students = await makeStudents(t.karina.db, dept, 60);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      capacity: 10,
    });
    const [a, b, c] = await makeStudents(t.karina.db, dept, 3);
    for (const s of [a!, b!, c!]) await insertEnrollment(t.karina.db, s, section);
    const service = createEnrollmentService({
      ...t.app.deps,
      config: { ...t.app.deps.config, groupCommitMs: 2, groupCommitMax: 8 },
    });

    const answers = await Promise.all(students.map((id) => answer(service.register(actor(id), section))));

    expect(answers.filter((x) => x === 'ok')).toHaveLength(7);
    expect(answers.filter((x) => x === 'SECTION_FULL')).toHaveLength(53);
    expect(await seatState(t.karina.db, section)).toEqual({ taken: 10, rows: 10, capacity: 10 });
  });
});
