import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { allMigrations, connectDatabase, migrateToLatest } from '@karina/db';
import type { DialectName, KarinaDb } from '@karina/db';
import { releaseSeat } from '../src/modules/enrollment/enrollment.repository.js';
import { createTestDatabaseUrl, testDatabaseKinds } from './support/databases.js';
import {
  insertCartItem,
  insertEnrollment,
  insertWaitlistEntry,
  makeDepartment,
  makePeriod,
  makeProfessor,
  makeSection,
  makeStudents,
  makeSubject,
} from './support/fixtures.js';

async function databaseAt(kind: DialectName, migration: string): Promise<KarinaDb> {
  const karina = connectDatabase(await createTestDatabaseUrl(kind), { poolSize: 4 });
  if (migration === 'latest') {
    await migrateToLatest(karina.db, karina.dialect);
    return karina;
  }
  const migrator = new Migrator({
    db: karina.db,
    provider: { getMigrations: () => Promise.resolve(allMigrations(karina.dialect)) },
  });
  const result = await migrator.migrateTo(migration);
  if (result.error) throw new Error(`migrating to ${migration} failed`, { cause: result.error });
  return karina;
}

const REBUILT = ['subjects', 'sections', 'section_meetings', 'periods'];

async function indexNames(k: KarinaDb): Promise<string[]> {
  const tables = sql.join(REBUILT.map((t) => sql.lit(t)));
  const rows =
    k.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name in (${tables})`.execute(k.db)
      : await sql<{ name: string }>`select distinct index_name as name from information_schema.statistics
          where table_schema = database() and table_name in (${tables})`.execute(k.db);
  return rows.rows.map((r) => r.name).sort();
}

/** The driver's own words for a refused CHECK: SQLite's extended code, MariaDB's ER_CONSTRAINT_FAILED. */
function isCheckViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown };
  return e.code === 'SQLITE_CONSTRAINT_CHECK' || e.errno === 4025;
}

async function expectCheckViolation(run: () => Promise<unknown>): Promise<void> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the database should have refused the row').toBeDefined();
  expect(isCheckViolation(error), String(error)).toBe(true);
}

describe.each(testDatabaseKinds())('migration 0002 (CHECK constraints) on $label', ({ name }) => {
  let open: KarinaDb[] = [];
  const track = (k: KarinaDb) => {
    open.push(k);
    return k;
  };
  afterEach(async () => {
    await Promise.all(open.map((k) => k.close()));
    open = [];
  });

  it('when a 0001 database with data is migrated, every row stays, ids are not reused and cascades still work', async () => {
    const k = track(await databaseAt(name, '0001-init'));
    const db = k.db;
    const dept = await makeDepartment(db);
    const professor = await makeProfessor(db, dept.id);
    const subject = await makeSubject(db, dept.id, { credits: 3 });
    const other = await makeSubject(db, dept.id, { credits: 2 });
    const section = await makeSection(db, subject, {
      capacity: 2,
      professorId: professor,
      meetings: [['MON', '09:00', '10:30']],
    });
    const kept = await makeSection(db, other, { capacity: 5, meetings: [['TUE', '09:00', '10:30']] });
    const doomed = await makeSection(db, other, { capacity: 5 });
    const [a, b, c] = await makeStudents(db, dept.id, 3);
    await insertEnrollment(db, a!, section);
    await insertEnrollment(db, b!, section);
    await insertEnrollment(db, a!, kept);
    await insertWaitlistEntry(db, c!, section);
    await insertCartItem(db, c!, section);
    await insertCartItem(db, c!, kept);
    const period = await makePeriod(db, { opensAt: 1_000, closesAt: 2_000 });
    await db.deleteFrom('sections').where('id', '=', doomed).execute();

    const indexesBefore = await indexNames(k);
    expect(indexesBefore).toContain('ix_periods_window');

    await migrateToLatest(db, k.dialect);

    expect(await indexNames(k)).toEqual(indexesBefore);
    expect(
      await db
        .selectFrom('sections')
        .select(['id', 'capacity', 'taken', 'professor_id'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { id: section, capacity: 2, taken: 2, professor_id: professor },
      { id: kept, capacity: 5, taken: 1, professor_id: null },
    ]);
    expect(
      await db.selectFrom('section_meetings').select(['section_id', 'start_min']).orderBy('id').execute(),
    ).toEqual([
      { section_id: section, start_min: 540 },
      { section_id: kept, start_min: 540 },
    ]);
    expect((await db.selectFrom('periods').select('id').execute()).map((p) => p.id)).toEqual([period]);
    const fresh = await makeSection(db, other, { capacity: 5 });
    expect(fresh).toBeGreaterThan(doomed);

    await db.deleteFrom('subjects').where('id', '=', subject).execute();
    const left = async (table: 'enrollments' | 'waitlist_entries' | 'cart_items' | 'section_meetings') =>
      (await db.selectFrom(table).select('section_id').execute()).map((r) => r.section_id);
    expect(await left('enrollments')).toEqual([kept]);
    expect(await left('waitlist_entries')).toEqual([]);
    expect(await left('cart_items')).toEqual([kept]);
    expect(await left('section_meetings')).toEqual([kept]);

    await db.deleteFrom('students').where('id', '=', a!).execute();
    expect(await left('enrollments')).toEqual([]);
    expect(await left('cart_items')).toEqual([kept]);
  });

  it('when existing rows break a new rule, the migration stops naming them and the old tables are untouched', async () => {
    const k = track(await databaseAt(name, '0001-init'));
    const db = k.db;
    const dept = await makeDepartment(db);
    const subject = await makeSubject(db, dept.id, { credits: 9 });
    const section = await makeSection(db, subject, { capacity: 1 });
    await db.updateTable('sections').set({ taken: -1 }).where('id', '=', section).execute();

    await expect(migrateToLatest(db, k.dialect)).rejects.toThrow(
      /ck_subjects_credits: 1 row\(s\) of subjects; ck_sections_taken: 1 row\(s\) of sections/,
    );
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(['0001-init']);
    await db.updateTable('sections').set({ taken: -5 }).where('id', '=', section).execute();
    expect((await db.selectFrom('sections').select('taken').executeTakeFirstOrThrow()).taken).toBe(-5);
    if (k.dialect === 'sqlite') {
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    }
  });

  it('when seats taken would leave 0..capacity, credits 1..6, or a window would not start before it ends, the database refuses', async () => {
    const k = track(await databaseAt(name, 'latest'));
    const db = k.db;
    const dept = await makeDepartment(db);
    const subject = await makeSubject(db, dept.id, { credits: 6 });
    const section = await makeSection(db, subject, { capacity: 2, meetings: [['MON', '09:00', '10:00']] });
    await db.updateTable('sections').set({ taken: 2 }).where('id', '=', section).execute();

    await expectCheckViolation(() =>
      db.updateTable('sections').set({ taken: 3 }).where('id', '=', section).execute(),
    );
    await expectCheckViolation(() =>
      db.updateTable('sections').set({ capacity: 1 }).where('id', '=', section).execute(),
    );
    await expectCheckViolation(() =>
      db.updateTable('sections').set({ taken: -1 }).where('id', '=', section).execute(),
    );
    await expectCheckViolation(() => makeSubject(db, dept.id, { credits: 0 }));
    await expectCheckViolation(() => makeSubject(db, dept.id, { credits: 7 }));
    await expectCheckViolation(() =>
      db.updateTable('subjects').set({ credits: 7 }).where('id', '=', subject).execute(),
    );
    await expectCheckViolation(() => makeSection(db, subject, { meetings: [['TUE', '10:00', '10:00']] }));
    await expectCheckViolation(() => makePeriod(db, { opensAt: 2_000, closesAt: 2_000 }));
    await expectCheckViolation(() => makePeriod(db, { opensAt: 2_000, closesAt: 1_000 }));

    expect(
      await db
        .selectFrom('sections')
        .select(['taken', 'capacity'])
        .where('id', '=', section)
        .executeTakeFirst(),
    ).toEqual({
      taken: 2,
      capacity: 2,
    });
    expect(await makeSubject(db, dept.id, { credits: 1 })).toBeGreaterThan(0);
    expect(await makePeriod(db, { opensAt: 1_000, closesAt: 1_001 })).toBeGreaterThan(0);
  });

  it('when releaseSeat finds no seat taken, it throws instead of silently keeping 0', async () => {
    const k = track(await databaseAt(name, 'latest'));
    const db = k.db;
    const dept = await makeDepartment(db);
    const section = await makeSection(db, await makeSubject(db, dept.id), { capacity: 3 });
    await db.updateTable('sections').set({ taken: 1 }).where('id', '=', section).execute();

    await db.transaction().execute((trx) => releaseSeat(trx, section));
    expect(
      (await db.selectFrom('sections').select('taken').where('id', '=', section).executeTakeFirstOrThrow())
        .taken,
    ).toBe(0);
    await expect(db.transaction().execute((trx) => releaseSeat(trx, section))).rejects.toThrow(
      /no taken seat/,
    );
    await expect(db.transaction().execute((trx) => releaseSeat(trx, 999_999))).rejects.toThrow(
      /no taken seat/,
    );
    expect(
      (await db.selectFrom('sections').select('taken').where('id', '=', section).executeTakeFirstOrThrow())
        .taken,
    ).toBe(0);
  });

  it('when migrated down and up again, the constraints go and come back and the rows stay', async () => {
    const k = track(await databaseAt(name, 'latest'));
    const db = k.db;
    const dept = await makeDepartment(db);
    const section = await makeSection(db, await makeSubject(db, dept.id), { capacity: 1 });
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(allMigrations(k.dialect)) },
    });
    // Back to before 0002, whatever migrations came after it.
    const down = await migrator.migrateTo('0001-init');
    expect(down.error).toBeUndefined();
    await db.updateTable('sections').set({ taken: 2 }).where('id', '=', section).execute();
    await db.updateTable('sections').set({ taken: 0 }).where('id', '=', section).execute();
    await migrateToLatest(db, k.dialect);
    await expectCheckViolation(() =>
      db.updateTable('sections').set({ taken: 2 }).where('id', '=', section).execute(),
    );
    expect((await db.selectFrom('sections').select('id').execute()).map((s) => s.id)).toEqual([section]);
  });
});
