import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.js';

type AnyDb = Kysely<Record<string, unknown>>;

/**
 * notices: the registrar's 수강신청 안내 / 유의사항, listed pinned first and newest first, which the
 * (pinned, created_at, id) index serves without a sort.
 * ix_enrollments_created_at: the live monitor counts the registrations of the last minute every
 * two seconds; without it each count scans every enrollment of the term.
 */
export function noticesMigration(dialect: DialectName): Migration {
  const dropIndex = (db: AnyDb, name: string, table: string) =>
    dialect === 'mysql' ? db.schema.dropIndex(name).on(table) : db.schema.dropIndex(name);
  return {
    async up(db: AnyDb) {
      let table = db.schema
        .createTable('notices')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addCheckConstraint('ck_notices_pinned', sql`pinned in (0, 1)`);
      // As 0001 does for every table: code-point comparison, the same on both engines.
      if (dialect === 'mysql') {
        table = table.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`);
      }
      await table.execute();
      await db.schema
        .createIndex('ix_notices_list')
        .on('notices')
        .columns(['pinned', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('ix_enrollments_created_at')
        .on('enrollments')
        .column('created_at')
        .execute();
    },
    async down(db: AnyDb) {
      await dropIndex(db, 'ix_enrollments_created_at', 'enrollments').execute();
      await db.schema.dropTable('notices').execute();
    },
  };
}
