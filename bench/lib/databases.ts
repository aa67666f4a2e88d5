import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createConnection } from 'mysql2/promise';
import { startPrivateMariaDb } from '../../apps/server/test/support/services.js';
import type { RunningService } from '../../apps/server/test/support/services.js';
import { connectDatabase } from '../../packages/db/src/connect.js';
import type { KarinaDb } from '../../packages/db/src/connect.js';
import { migrateToLatest } from '../../packages/db/src/migrate.js';
import type { Cleanup } from './cleanup.js';
import type { BenchDatabase } from './options.js';

export interface BenchDb {
  kind: BenchDatabase;
  karina: KarinaDb;
  /** KARINA_DB_URL for server processes sharing this database. */
  url: string;
  /** e.g. "SQLite 3.50.4" or "MariaDB 10.11.14-MariaDB-0+deb12u2". */
  engine: string;
}

/** A private mariadbd started as the test suite starts it; stopped and its data deleted by cleanup. */
async function privateMariaDb(cleanup: Cleanup): Promise<RunningService> {
  let service: RunningService | undefined;
  for (let attempt = 1; !service; attempt++) {
    try {
      service = await startPrivateMariaDb();
    } catch (error) {
      // mariadb-install-db bootstraps with temp tables in the shared /tmp; a bootstrap running at
      // the same moment (another test run on this machine) can make it fail. Once more, then give up.
      if (attempt >= 3) throw error;
      process.stderr.write(`private mariadbd did not start (attempt ${attempt}), trying again\n`);
    }
  }
  cleanup.add('stop private mariadbd', () => service.stop());
  return service;
}

async function createMariaDbDatabase(base: string): Promise<string> {
  const name = `karina_bench_${randomBytes(6).toString('hex')}`;
  const u = new URL(base);
  const conn = await createConnection({
    host: u.hostname,
    port: Number(u.port),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  try {
    await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await conn.end();
  }
  return `${base}/${name}`;
}

/** A new, empty, migrated database private to this run. */
export async function openBenchDatabase(
  kind: BenchDatabase,
  cleanup: Cleanup,
  poolSize: number,
): Promise<BenchDb> {
  let url: string;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'karina-bench-'));
    cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
    url = `sqlite:${join(dir, 'karina.db')}`;
  } else {
    url = await createMariaDbDatabase((await privateMariaDb(cleanup)).url);
  }
  const karina = connectDatabase(url, { poolSize });
  cleanup.add(`close ${kind} connection`, () => karina.close());
  await migrateToLatest(karina.db, karina.dialect);
  const version =
    karina.dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(karina.db)).rows[0]?.v ?? '?'}`
      : `MariaDB ${(await sql<{ v: string }>`select version() as v`.execute(karina.db)).rows[0]?.v ?? '?'}`;
  return { kind, karina, url, engine: version };
}
