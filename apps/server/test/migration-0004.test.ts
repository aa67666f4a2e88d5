import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { allMigrations, connectDatabase, migrateToLatest } from '@karina/db';
import type { KarinaDb } from '@karina/db';
import { createTestDatabaseUrl, testDatabaseKinds } from './support/databases.js';

const SWEEP_INDEXES = ['ix_idempotency_keys_created_at', 'ix_sessions_expires_at'];

async function sweepIndexes(k: KarinaDb): Promise<string[]> {
  const names = sql.join(SWEEP_INDEXES.map((n) => sql.lit(n)));
  const rows =
    k.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and name in (${names})`.execute(k.db)
      : await sql<{ name: string }>`select distinct index_name as name from information_schema.statistics
          where table_schema = database() and index_name in (${names})`.execute(k.db);
  return rows.rows.map((r) => r.name).sort();
}

describe.each(testDatabaseKinds())('migration 0004 (sweep indexes) on $label', ({ name }) => {
  let open: KarinaDb[] = [];
  afterEach(async () => {
    await Promise.all(open.map((k) => k.close()));
    open = [];
  });

  it('when migrated, both sweeps have their index; down removes them and up brings them back', async () => {
    const k = connectDatabase(await createTestDatabaseUrl(name), { poolSize: 2 });
    open.push(k);
    await migrateToLatest(k.db, k.dialect);
    expect(await sweepIndexes(k)).toEqual(SWEEP_INDEXES);

    const migrator = new Migrator({
      db: k.db,
      provider: { getMigrations: () => Promise.resolve(allMigrations(k.dialect)) },
    });
    const down = await migrator.migrateTo('0003-login-defences');
    expect(down.error).toBeUndefined();
    expect(await sweepIndexes(k)).toEqual([]);

    await migrateToLatest(k.db, k.dialect);
    expect(await sweepIndexes(k)).toEqual(SWEEP_INDEXES);
  });
});

// SQLite shows its plan on an empty table; MariaDB's optimiser may rightly scan a near-empty one.
describe('migration 0004 on SQLite', () => {
  let open: KarinaDb | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('the idempotency sweep searches by the index instead of scanning the table', async () => {
    open = connectDatabase(await createTestDatabaseUrl('sqlite'), { poolSize: 2 });
    await migrateToLatest(open.db, open.dialect);
    const plan = await sql<{ detail: string }>`explain query plan
      delete from idempotency_keys where created_at < ${0}`.execute(open.db);
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('USING INDEX ix_idempotency_keys_created_at');
  });
});
