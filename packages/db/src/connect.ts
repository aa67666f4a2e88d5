import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, MysqlDialect, MysqlDriver, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, MysqlDialectConfig, SqliteDialectConfig } from 'kysely';
import { createPool } from 'mysql2';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'mysql';

export interface KarinaDb {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A description safe to log: never contains a password. */
  describe: string;
  /** Connections right now, read by /metrics (SQLite has one, which queries and transactions take in turn). */
  pool: PoolUse;
  close(): Promise<void>;
}

export interface PoolUse {
  readonly size: number;
  /** Connections handed out to a query or a transaction. */
  readonly inUse: number;
  /** Queries and transactions waiting for a connection. */
  readonly waiting: number;
}

class PoolCounter implements PoolUse {
  inUse = 0;
  waiting = 0;
  constructor(readonly size: number) {}

  async acquire(take: () => Promise<DatabaseConnection>): Promise<DatabaseConnection> {
    this.waiting++;
    try {
      const connection = await take();
      this.inUse++;
      return connection;
    } finally {
      this.waiting--;
    }
  }

  async release(give: () => Promise<void>): Promise<void> {
    this.inUse--;
    await give();
  }
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
  readonly #pool: PoolCounter;
  constructor(config: SqliteDialectConfig, pool: PoolCounter) {
    super(config);
    this.#pool = pool;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  override acquireConnection(): Promise<DatabaseConnection> {
    return this.#pool.acquire(() => super.acquireConnection());
  }
  override releaseConnection(): Promise<void> {
    return this.#pool.release(() => super.releaseConnection());
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #pool: PoolCounter;
  constructor(config: SqliteDialectConfig, pool: PoolCounter) {
    super(config);
    this.#config = config;
    this.#pool = pool;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config, this.#pool);
  }
}

class CountingMysqlDriver extends MysqlDriver {
  readonly #pool: PoolCounter;
  constructor(config: MysqlDialectConfig, pool: PoolCounter) {
    super(config);
    this.#pool = pool;
  }
  override acquireConnection(): Promise<DatabaseConnection> {
    return this.#pool.acquire(() => super.acquireConnection());
  }
  override releaseConnection(connection: Parameters<MysqlDriver['releaseConnection']>[0]): Promise<void> {
    return this.#pool.release(() => super.releaseConnection(connection));
  }
}

class CountingMysqlDialect extends MysqlDialect {
  readonly #config: MysqlDialectConfig;
  readonly #pool: PoolCounter;
  constructor(config: MysqlDialectConfig, pool: PoolCounter) {
    super(config);
    this.#config = config;
    this.#pool = pool;
  }
  override createDriver(): MysqlDriver {
    return new CountingMysqlDriver(this.#config, this.#pool);
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
    const pool = new PoolCounter(1);
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(
        { database: cachingPrepare(sqlite, SQLITE_STATEMENT_CACHE_SIZE) },
        pool,
      ),
    });
    return { db, dialect, describe: `sqlite:${target}`, pool, close: () => db.destroy() };
  }
  const size = options.poolSize ?? 10;
  const pool = createPool({
    uri: target,
    connectionLimit: size,
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
  const counter = new PoolCounter(size);
  const db = new Kysely<Database>({ dialect: new CountingMysqlDialect({ pool }, counter) });
  return { db, dialect, describe: redactDbUrl(url), pool: counter, close: () => db.destroy() };
}
