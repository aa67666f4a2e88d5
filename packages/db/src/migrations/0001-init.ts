import { sql } from 'kysely';
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connect.js';

type AnyDb = Kysely<Record<string, unknown>>;

/**
 * The first schema. Foreign keys carry the product's deletion rules:
 * department -> posts, professors, subjects -> sections -> cart/enrollment/wait-list rows cascade;
 * students block a department delete (RESTRICT); a deleted professor leaves sections TBA (SET NULL).
 */
export function initMigration(dialect: DialectName): Migration {
  // utf8mb4_bin: strings compare and sort by code point, exactly as SQLite does, so a unique name,
  // an idempotency key or a 학번 lookup behaves the same on both engines (a case- and
  // accent-insensitive collation would make "Physics" and "physics", or "Key" and "KEY", collide
  // on MariaDB only).
  const tableEnd = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    dialect === 'mysql'
      ? t.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`)
      : t;
  const id = 'id';
  const pk = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn(id, 'integer', (c) => c.primaryKey().autoIncrement().notNull());

  return {
    async up(db: AnyDb) {
      await tableEnd(
        pk(db.schema.createTable('departments'))
          .addColumn('code', 'varchar(2)', (c) => c.notNull().unique())
          .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
          .addColumn('created_at', 'bigint', (c) => c.notNull()),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('professors'))
          .addColumn('department_id', 'integer', (c) => c.notNull())
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint(
            'fk_professors_department',
            ['department_id'],
            'departments',
            ['id'],
            (f) => f.onDelete('cascade'),
          ),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('admins'))
          .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull()),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('students'))
          .addColumn('student_no', 'varchar(7)', (c) => c.notNull().unique())
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('department_id', 'integer', (c) => c.notNull())
          .addColumn('entry_year', 'integer', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('tel', 'varchar(20)')
          .addColumn('email', 'varchar(254)')
          .addColumn('birth_date', 'varchar(10)')
          .addColumn('postcode', 'varchar(10)')
          .addColumn('address1', 'varchar(200)')
          .addColumn('address2', 'varchar(200)')
          .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint('fk_students_department', ['department_id'], 'departments', ['id'], (f) =>
            f.onDelete('restrict'),
          ),
      ).execute();
      await db.schema
        .createIndex('ix_students_lookup')
        .on('students')
        .columns(['department_id', 'name'])
        .execute();

      await tableEnd(
        db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey().notNull())
          .addColumn('role', 'varchar(16)', (c) => c.notNull())
          .addColumn('admin_id', 'integer')
          .addColumn('student_id', 'integer')
          .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint('fk_sessions_admin', ['admin_id'], 'admins', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_sessions_student', ['student_id'], 'students', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('subjects'))
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
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('sections'))
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
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('section_meetings'))
          .addColumn('section_id', 'integer', (c) => c.notNull())
          .addColumn('day', 'varchar(3)', (c) => c.notNull())
          .addColumn('start_min', 'integer', (c) => c.notNull())
          .addColumn('end_min', 'integer', (c) => c.notNull())
          .addForeignKeyConstraint('fk_meetings_section', ['section_id'], 'sections', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('periods'))
          .addColumn('name', 'varchar(100)', (c) => c.notNull())
          .addColumn('kind', 'varchar(16)', (c) => c.notNull())
          .addColumn('opens_at', 'bigint', (c) => c.notNull())
          .addColumn('closes_at', 'bigint', (c) => c.notNull())
          .addColumn('years_mask', 'integer', (c) => c.notNull())
          .addColumn('max_credits', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('ix_periods_window').on('periods').columns(['kind', 'opens_at']).execute();

      await tableEnd(
        db.schema
          .createTable('cart_items')
          .addColumn('student_id', 'integer', (c) => c.notNull())
          .addColumn('section_id', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('pk_cart_items', ['student_id', 'section_id'])
          .addForeignKeyConstraint('fk_cart_student', ['student_id'], 'students', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_cart_section', ['section_id'], 'sections', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
      ).execute();

      await tableEnd(
        pk(db.schema.createTable('enrollments'))
          .addColumn('student_id', 'integer', (c) => c.notNull())
          .addColumn('section_id', 'integer', (c) => c.notNull())
          .addColumn('subject_id', 'integer', (c) => c.notNull())
          .addColumn('credits', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('uq_enrollments_student_section', ['student_id', 'section_id'])
          .addUniqueConstraint('uq_enrollments_student_subject', ['student_id', 'subject_id'])
          .addForeignKeyConstraint('fk_enrollments_student', ['student_id'], 'students', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_enrollments_section', ['section_id'], 'sections', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_enrollments_subject', ['subject_id'], 'subjects', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
      ).execute();
      await db.schema.createIndex('ix_enrollments_section').on('enrollments').column('section_id').execute();

      await tableEnd(
        pk(db.schema.createTable('waitlist_entries'))
          .addColumn('student_id', 'integer', (c) => c.notNull())
          .addColumn('section_id', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('uq_waitlist_student_section', ['student_id', 'section_id'])
          .addForeignKeyConstraint('fk_waitlist_student', ['student_id'], 'students', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_waitlist_section', ['section_id'], 'sections', ['id'], (f) =>
            f.onDelete('cascade'),
          ),
      ).execute();
      await db.schema
        .createIndex('ix_waitlist_section')
        .on('waitlist_entries')
        .columns(['section_id', 'id'])
        .execute();

      await tableEnd(
        pk(db.schema.createTable('posts'))
          .addColumn('department_id', 'integer', (c) => c.notNull())
          .addColumn('author_admin_id', 'integer')
          .addColumn('title', 'varchar(200)', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addForeignKeyConstraint('fk_posts_department', ['department_id'], 'departments', ['id'], (f) =>
            f.onDelete('cascade'),
          )
          .addForeignKeyConstraint('fk_posts_admin', ['author_admin_id'], 'admins', ['id'], (f) =>
            f.onDelete('set null'),
          ),
      ).execute();
      await db.schema
        .createIndex('ix_posts_department')
        .on('posts')
        .columns(['department_id', 'id'])
        .execute();

      await tableEnd(
        pk(db.schema.createTable('audit_log'))
          .addColumn('actor_role', 'varchar(16)', (c) => c.notNull())
          .addColumn('actor_id', 'integer')
          .addColumn('action', 'varchar(64)', (c) => c.notNull())
          .addColumn('target', 'varchar(128)', (c) => c.notNull())
          .addColumn('outcome', 'varchar(64)', (c) => c.notNull())
          .addColumn('request_id', 'varchar(64)')
          .addColumn('detail', 'text')
          .addColumn('at', 'bigint', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('ix_audit_at').on('audit_log').column('at').execute();

      await tableEnd(
        db.schema
          .createTable('idempotency_keys')
          .addColumn('scope', 'varchar(64)', (c) => c.notNull())
          .addColumn('idem_key', 'varchar(128)', (c) => c.notNull())
          .addColumn('fingerprint', 'varchar(128)', (c) => c.notNull())
          .addColumn('status', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('pk_idempotency_keys', ['scope', 'idem_key']),
      ).execute();

      await tableEnd(
        db.schema
          .createTable('code_sequences')
          .addColumn('name', 'varchar(64)', (c) => c.primaryKey().notNull())
          .addColumn('next_value', 'integer', (c) => c.notNull()),
      ).execute();

      await tableEnd(
        db.schema
          .createTable('issued_codes')
          .addColumn('kind', 'varchar(16)', (c) => c.notNull())
          .addColumn('code', 'varchar(16)', (c) => c.notNull())
          .addPrimaryKeyConstraint('pk_issued_codes', ['kind', 'code']),
      ).execute();
    },
    async down(db: AnyDb) {
      for (const table of [
        'issued_codes',
        'code_sequences',
        'idempotency_keys',
        'audit_log',
        'posts',
        'waitlist_entries',
        'enrollments',
        'cart_items',
        'periods',
        'section_meetings',
        'sections',
        'subjects',
        'sessions',
        'students',
        'admins',
        'professors',
        'departments',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
