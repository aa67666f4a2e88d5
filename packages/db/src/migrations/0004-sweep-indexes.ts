import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.js';

type AnyDb = Kysely<Record<string, unknown>>;

/**
 * The two periodic sweeps delete by age: expired sessions (expires_at) and idempotency records
 * older than a day (created_at). Without these indexes each sweep scans its whole table, which
 * after an opening morning holds a row per student request.
 */
export function sweepIndexesMigration(dialect: DialectName): Migration {
  // MariaDB names the table in DROP INDEX; SQLite's index names are global and it refuses ON.
  const dropIndex = (db: AnyDb, name: string, table: string) =>
    dialect === 'mysql' ? db.schema.dropIndex(name).on(table) : db.schema.dropIndex(name);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createIndex('ix_idempotency_keys_created_at')
        .on('idempotency_keys')
        .column('created_at')
        .execute();
      await db.schema.createIndex('ix_sessions_expires_at').on('sessions').column('expires_at').execute();
    },
    async down(db: AnyDb) {
      await dropIndex(db, 'ix_sessions_expires_at', 'sessions').execute();
      await dropIndex(db, 'ix_idempotency_keys_created_at', 'idempotency_keys').execute();
    },
  };
}
