import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, SqliteDialectConfig } from 'kysely';
import { createPool } from 'mysql2';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'mysql';

export interface KarinaDb {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A description safe to log: never contains a password. */
  describe: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Pool size for MariaDB; SQLite always has one connection. */
  poolSize?: number;
}

/**
 * `begin immediate` takes SQLite's write lock at the start of the transaction, so a read-then-write
 * transaction in another process (the CLI seeding while a server runs) waits on busy_timeout instead
 * of failing with SQLITE_BUSY when it upgrades its lock half way through.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Distinct SQL texts kept prepared (an IN list of each length is its own text). */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement again on each execution, which cost about a
 * tenth of the server's CPU time at the opening second. better-sqlite3 statements can be run any
 * number of times (SQLite re-prepares one itself after a schema change), and one connection runs
 * one statement at a time, so a bounded cache keyed by the SQL text is safe.
 */
function cachingPrepare(sqlite: SQLite.Database, size: number): SqliteDialectConfig['database'] {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Map order is insertion order: re-inserting keeps the least recently used first.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= size) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

export function parseDbUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length);
    if (target === '')
      throw new Error('KARINA_DB_URL: sqlite: needs a file path, e.g. sqlite:./data/karina.db');
    return { dialect: 'sqlite', target };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    return { dialect: 'mysql', target: url.replace(/^mariadb:/, 'mysql:') };
  }
  throw new Error('KARINA_DB_URL must start with sqlite: or mysql://');
}

/** The URL with its password replaced, parsed the way the driver parses it (a password may contain "@"). */
export function redactDbUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/.*@/, '//***@');
  }
}

/**
 * The database file holds password hashes and personal data: a new folder is made 0700 and a new
 * file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the main file's mode).
 * Existing ones keep the mode their owner chose.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
}

export function connectDatabase(url: string, options: ConnectOptions = {}): KarinaDb {
  const { dialect, target } = parseDbUrl(url);
  if (dialect === 'sqlite') {
    if (target !== ':memory:' && !target.startsWith('file:')) createPrivately(target);
    const sqlite = new SQLite(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({
        database: cachingPrepare(sqlite, SQLITE_STATEMENT_CACHE_SIZE),
      }),
    });
    return { db, dialect, describe: `sqlite:${target}`, close: () => db.destroy() };
  }
  const pool = createPool({
    uri: target,
    connectionLimit: options.poolSize ?? 10,
    // SUM() and friends come back as DECIMAL; numbers here are small integers.
    decimalNumbers: true,
    supportBigNumbers: false,
    charset: 'utf8mb4',
    timezone: 'Z',
  });
  // READ COMMITTED: every rule reads the latest committed rows after taking the student's row lock,
  // and InnoDB takes no gap locks on plain reads, so fewer deadlocks at the opening second.
  pool.on('connection', (connection) => {
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  });
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool }) });
  return { db, dialect, describe: redactDbUrl(url), close: () => db.destroy() };
}
