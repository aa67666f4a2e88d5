import { connectDatabase, migrateToLatest } from '@karina/db';
import type { DialectName, KarinaDb } from '@karina/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { BuildOptions } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { FakeClock } from '../../src/platform/clock.js';
import { ensureBootstrapAdmin } from '../../src/platform/bootstrap.js';
import { hashPassword } from '../../src/platform/passwords.js';
import { createSession } from '../../src/platform/sessions.js';
import { createTestDatabaseUrl } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  karina: KarinaDb;
  clock: FakeClock;
  config: Readonly<Config>;
  adminToken: string;
  /** app.inject with a bearer token and JSON body. */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** A bearer token for an existing user without going through login (no password hashing). */
  tokenFor(role: 'admin' | 'student', userId: number): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  kind: DialectName,
  overrides: Partial<Config> = {},
  clock: FakeClock = new FakeClock(),
  build: Pick<BuildOptions, 'logStream'> = {},
): Promise<TestApp> {
  const url = await createTestDatabaseUrl(kind);
  const config = testConfig({ dbUrl: url, ...overrides });
  const karina = connectDatabase(url, { poolSize: 30 });
  await migrateToLatest(karina.db, karina.dialect);
  await ensureBootstrapAdmin(karina.db, config.adminPassword, clock.now());
  const app = await buildApp(config, {
    db: karina.db,
    dialect: karina.dialect,
    pool: karina.pool,
    clock,
    ...build,
  });
  await app.ready();
  const tokenFor = async (role: 'admin' | 'student', userId: number) =>
    (await createSession(karina.db, { role, userId, now: clock.now(), ttlMs: 24 * 3_600_000 })).token;
  const admin = await karina.db
    .selectFrom('admins')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const adminToken = await tokenFor('admin', admin.id);
  return {
    app,
    karina,
    clock,
    config,
    adminToken,
    tokenFor,
    call: (method, url, options = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { payload: options.body as object } : {}),
      }),
    async close() {
      await app.close();
      await karina.close();
    },
  };
}

let cachedHash: Promise<string> | undefined;
/** One real Argon2id hash of a known password, reused for fixture students to keep tests quick. */
export function fixturePasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(FIXTURE_PASSWORD);
  return cachedHash;
}
export const FIXTURE_PASSWORD = 'fixture-pass-123';
