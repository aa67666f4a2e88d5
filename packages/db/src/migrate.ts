import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import type { DialectName } from './connect.js';
import type { Database } from './database.js';
import { initMigration } from './migrations/0001-init.js';
import { checkConstraintsMigration } from './migrations/0002-check-constraints.js';
import { loginDefencesMigration } from './migrations/0003-login-defences.js';
import { sweepIndexesMigration } from './migrations/0004-sweep-indexes.js';
import { noticesMigration } from './migrations/0005-notices.js';

/** Ordered by name; a migration, once released, is never edited, only followed by a new one. */
export function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-init': initMigration(dialect),
    '0002-check-constraints': checkConstraintsMigration(dialect),
    '0003-login-defences': loginDefencesMigration(dialect),
    '0004-sweep-indexes': sweepIndexesMigration(dialect),
    '0005-notices': noticesMigration(dialect),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(allMigrations(this.dialect));
  }
}

export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(dialect) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `migration ${failed} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      { cause: result.error },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
