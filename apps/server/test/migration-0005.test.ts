import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { allMigrations, connectDatabase, migrateToLatest } from '@karina/db';
import type { KarinaDb } from '@karina/db';
import { createTestDatabaseUrl, testDatabaseKinds } from './support/databases.js';

const INDEXES = ['ix_enrollments_created_at', 'ix_notices_list'];

async function indexes(k: KarinaDb): Promise<string[]> {
  const names = sql.join(INDEXES.map((n) => sql.lit(n)));
  const rows =
    k.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and name in (${names})`.execute(k.db)
      : await sql<{ name: string }>`select distinct index_name as name from information_schema.statistics
          where table_schema = database() and index_name in (${names})`.execute(k.db);
  return rows.rows.map((r) => r.name).sort();
}

async function hasNotices(k: KarinaDb): Promise<boolean> {
  const rows =
    k.dialect === 'sqlite'
      ? await sql`select name from sqlite_master where type = 'table' and name = 'notices'`.execute(k.db)
      : await sql`select table_name from information_schema.tables
          where table_schema = database() and table_name = 'notices'`.execute(k.db);
  return rows.rows.length === 1;
}

describe.each(testDatabaseKinds())('migration 0005 (notices) on $label', ({ name }) => {
  let open: KarinaDb[] = [];
  afterEach(async () => {
    await Promise.all(open.map((k) => k.close()));
    open = [];
  });

  it('when migrated, notices and both indexes exist; down removes them and up brings them back', async () => {
    const k = connectDatabase(await createTestDatabaseUrl(name), { poolSize: 2 });
    open.push(k);
    await migrateToLatest(k.db, k.dialect);
    expect(await hasNotices(k)).toBe(true);
    expect(await indexes(k)).toEqual(INDEXES);

    const migrator = new Migrator({
      db: k.db,
      provider: { getMigrations: () => Promise.resolve(allMigrations(k.dialect)) },
    });
    const down = await migrator.migrateTo('0004-sweep-indexes');
    expect(down.error).toBeUndefined();
    expect(await hasNotices(k)).toBe(false);
    expect(await indexes(k)).toEqual([]);

    await migrateToLatest(k.db, k.dialect);
    expect(await hasNotices(k)).toBe(true);
    expect(await indexes(k)).toEqual(INDEXES);
  });

  it('when a notice is written with pinned other than 0 or 1, the database refuses it', async () => {
    const k = connectDatabase(await createTestDatabaseUrl(name), { poolSize: 2 });
    open.push(k);
    await migrateToLatest(k.db, k.dialect);
    const row = { title: '안내', body: '본문', created_at: 1, updated_at: 1 };
    await k.db
      .insertInto('notices')
      .values({ ...row, pinned: 1 })
      .execute();
    await expect(
      k.db
        .insertInto('notices')
        .values({ ...row, pinned: 2 })
        .execute(),
    ).rejects.toThrow();
  });
});

// SQLite shows its plan on an empty table; MariaDB's optimiser may rightly scan a near-empty one.
describe('migration 0005 on SQLite', () => {
  let open: KarinaDb | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('the monitor count of recent registrations searches by the index instead of scanning the table', async () => {
    open = connectDatabase(await createTestDatabaseUrl('sqlite'), { poolSize: 2 });
    await migrateToLatest(open.db, open.dialect);
    const plan = await sql<{ detail: string }>`explain query plan
      select count(*) from enrollments where created_at >= ${0}`.execute(open.db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('ix_enrollments_created_at');
  });
});
