import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { inject } from 'vitest';
import type { DialectName } from '@karina/db';

export interface TestDatabaseKind {
  name: DialectName;
  label: string;
}

/** The databases every engine-level suite runs on: SQLite always, MariaDB when its server runs. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [{ name: 'sqlite', label: 'SQLite' }];
  if (inject('mariadbUrl')) kinds.push({ name: 'mysql', label: 'MariaDB' });
  return kinds;
}

/** A new, empty database of that kind, private to the caller. */
export async function createTestDatabaseUrl(kind: DialectName): Promise<string> {
  if (kind === 'sqlite') {
    return `sqlite:${join(mkdtempSync(join(tmpdir(), 'karina-sqlite-')), 'karina.db')}`;
  }
  const base = inject('mariadbUrl');
  if (!base) throw new Error('MariaDB is not running for this test run');
  const name = `karina_${randomBytes(6).toString('hex')}`;
  const u = new URL(base);
  const conn = await createConnection({
    host: u.hostname,
    port: Number(u.port),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await conn.end();
  return `${base}/${name}`;
}
