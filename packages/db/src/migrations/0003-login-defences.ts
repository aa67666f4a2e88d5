import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.js';

type AnyDb = Kysely<Record<string, unknown>>;

/**
 * sessions.last_seen_at: when the session last served a request, for the idle timeout. Nullable so
 * rows written before this migration (and bulk-seeded rehearsal sessions) count from created_at
 * instead of being logged out at once.
 * admins.disabled: 1 refuses the admin's login and ends their sessions (`karina admin disable`).
 */
export function loginDefencesMigration(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('sessions').addColumn('last_seen_at', 'bigint').execute();
      await db.schema
        .alterTable('admins')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('admins').dropColumn('disabled').execute();
      await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
    },
  };
}
