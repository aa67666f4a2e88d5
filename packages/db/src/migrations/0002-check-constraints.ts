import { sql } from 'kysely';
import type { CreateTableBuilder, Expression, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.js';

type AnyDb = Kysely<Record<string, unknown>>;

interface Check {
  name: string;
  expression: Expression<unknown>;
}

interface Rebuild {
  table: string;
  /** Column order of the 0001 table, so the copy is by name, never by position. */
  columns: readonly string[];
  /** The 0001 definition of the table, under another name, with these checks added. */
  define(db: AnyDb, name: string, checks: readonly Check[]): CreateTableBuilder<string, string>;
  checks: readonly Check[];
}

/**
 * Rules the services already keep, now also kept by the database, so a bug (a seat released twice,
 * a direct SQL edit) fails loudly instead of leaving a section at -1 seats or a 7-credit subject.
 */
const REBUILDS: readonly Rebuild[] = [
  {
    table: 'subjects',
    columns: [
      'id',
      'code',
      'name',
      'department_id',
      'credits',
      'type',
      'target_year',
      'description',
      'created_at',
    ],
    checks: [{ name: 'ck_subjects_credits', expression: sql`credits between 1 and 6` }],
    define: (db, name, checks) =>
      withChecks(
        db.schema
          .createTable(name)
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
          .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('department_id', 'integer', (c) => c.notNull())
          .addColumn('credits', 'integer', (c) => c.notNull())
          .addColumn('type', 'varchar(16)', (c) => c.notNull())
          .addColumn('target_year', 'integer')
          .addColumn('description', 'varchar(2000)')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint('fk_subjects_department', ['department_id'], 'departments', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
        checks,
      ),
  },
  {
    table: 'sections',
    columns: ['id', 'subject_id', 'professor_id', 'number', 'capacity', 'taken', 'created_at'],
    checks: [{ name: 'ck_sections_taken', expression: sql`taken >= 0 and taken <= capacity` }],
    define: (db, name, checks) =>
      withChecks(
        db.schema
          .createTable(name)
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
          .addColumn('subject_id', 'integer', (c) => c.notNull())
          .addColumn('professor_id', 'integer')
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint('fk_sections_subject', ['subject_id'], 'subjects', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_sections_professor', ['professor_id'], 'professors', ['id'], (f) =>
            f.onDelete('set null'),
          )
          .addUniqueConstraint('uq_sections_subject_number', ['subject_id', 'number']),
        checks,
      ),
  },
  {
    table: 'section_meetings',
    columns: ['id', 'section_id', 'day', 'start_min', 'end_min'],
    checks: [{ name: 'ck_meetings_window', expression: sql`start_min < end_min` }],
    define: (db, name, checks) =>
      withChecks(
        db.schema
          .createTable(name)
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
          .addColumn('section_id', 'integer', (c) => c.notNull())
          .addColumn('day', 'varchar(3)', (c) => c.notNull())
          .addColumn('start_min', 'integer', (c) => c.notNull())
          .addColumn('end_min', 'integer', (c) => c.notNull())
          .addForeignKeyConstraint('fk_meetings_section', ['section_id'], 'sections', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
        checks,
      ),
  },
  {
    table: 'periods',
    columns: ['id', 'name', 'kind', 'opens_at', 'closes_at', 'years_mask', 'max_credits', 'created_at'],
    checks: [{ name: 'ck_periods_window', expression: sql`opens_at < closes_at` }],
    define: (db, name, checks) =>
      withChecks(
        db.schema
          .createTable(name)
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('kind', 'varchar(16)', (c) => c.notNull())
          .addColumn('opens_at', 'bigint', (c) => c.notNull())
          .addColumn('closes_at', 'bigint', (c) => c.notNull())
          .addColumn('years_mask', 'integer', (c) => c.notNull())
          .addColumn('max_credits', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull()),
        checks,
      ),
  },
];

function withChecks(
  builder: CreateTableBuilder<string, string>,
  checks: readonly Check[],
): CreateTableBuilder<string, string> {
  return checks.reduce((b, check) => b.addCheckConstraint(check.name, check.expression), builder);
}

/**
 * SQLite cannot add a constraint to a table, so each table is rebuilt the way SQLite documents
 * (lang_altertable.html, "other kinds of table schema changes"): foreign keys off, then in one
 * transaction create the new table, copy, drop the old, rename the new into its place, recreate
 * its indexes and run foreign_key_check before committing. Foreign keys must be off while the old
 * table is dropped: with them on, the drop deletes every row first and cascades into enrollments,
 * carts and wait-lists. Renaming the new table (never the old one) keeps every child's REFERENCES
 * pointing at the right name.
 */
async function rebuildSqlite(db: AnyDb, withConstraints: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    const state = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    if (Number(state.rows[0]?.foreign_keys) !== 0) {
      // Only possible inside a transaction, where the pragma is a no-op; dropping would cascade.
      throw new Error(
        '0002-check-constraints: foreign keys could not be turned off; refusing to rebuild tables',
      );
    }
    await db.transaction().execute(async (trx) => {
      for (const rebuild of REBUILDS) {
        const indexes = await sql<{ sql: string }>`select sql from sqlite_master
          where type = 'index' and tbl_name = ${rebuild.table} and sql is not null`.execute(trx);
        const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence
          where name = ${rebuild.table}`.execute(trx);
        const fresh = `${rebuild.table}_0002`;
        await rebuild.define(trx, fresh, withConstraints ? rebuild.checks : []).execute();
        const columns = sql.join(rebuild.columns.map((c) => sql.ref(c)));
        await sql`insert into ${sql.table(fresh)} (${columns}) select ${columns} from ${sql.table(rebuild.table)}`.execute(
          trx,
        );
        await sql`drop table ${sql.table(rebuild.table)}`.execute(trx);
        await sql`alter table ${sql.table(fresh)} rename to ${sql.table(rebuild.table)}`.execute(trx);
        for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
        // AUTOINCREMENT's high-water mark, not max(id): an id freed by a delete is never handed out again.
        await sql`delete from sqlite_sequence where name = ${rebuild.table}`.execute(trx);
        const seq = sequence.rows[0]?.seq;
        if (seq !== undefined) {
          await sql`insert into sqlite_sequence (name, seq) values (${rebuild.table}, ${seq})`.execute(trx);
        }
      }
      const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) {
        throw new Error(`0002-check-constraints: ${broken.rows.length} rows would break a foreign key`);
      }
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Both engines would refuse the bad rows anyway (MariaDB checks existing rows when a constraint is
 * added, SQLite's copy fails); counting first names every broken rule at once and, on MariaDB,
 * whose DDL is not transactional, stops before any table has been altered.
 */
async function assertNoViolations(db: AnyDb): Promise<void> {
  const broken: string[] = [];
  for (const rebuild of REBUILDS) {
    for (const check of rebuild.checks) {
      const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(rebuild.table)}
        where not (${check.expression})`.execute(db);
      const n = Number(result.rows[0]?.n ?? 0);
      if (n > 0) broken.push(`${check.name}: ${n} row(s) of ${rebuild.table}`);
    }
  }
  if (broken.length > 0) {
    throw new Error(
      `0002-check-constraints: existing rows break the new rules, fix them first: ${broken.join('; ')}`,
    );
  }
}

export function checkConstraintsMigration(dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      await assertNoViolations(db);
      if (dialect === 'sqlite') return rebuildSqlite(db, true);
      for (const rebuild of REBUILDS) {
        for (const check of rebuild.checks) {
          await db.schema
            .alterTable(rebuild.table)
            .addCheckConstraint(check.name, check.expression)
            .execute();
        }
      }
    },
    async down(db: AnyDb) {
      if (dialect === 'sqlite') return rebuildSqlite(db, false);
      for (const rebuild of REBUILDS) {
        for (const check of rebuild.checks) {
          await db.schema.alterTable(rebuild.table).dropConstraint(check.name).execute();
        }
      }
    },
  };
}
