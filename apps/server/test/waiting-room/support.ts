import { randomBytes } from 'node:crypto';
import { connectDatabase, migrateToLatest } from '@karina/db';
import type { DialectName } from '@karina/db';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { createRedisQueueStore } from '../../src/modules/waiting-room/waiting-room.redis-store.js';
import { createMemoryQueueStore } from '../../src/modules/waiting-room/waiting-room.store.js';
import type { QueueStore } from '../../src/modules/waiting-room/waiting-room.store.js';
import { ensureBootstrapAdmin } from '../../src/platform/bootstrap.js';
import { FakeClock } from '../../src/platform/clock.js';
import { createSession } from '../../src/platform/sessions.js';
import type { TestApp } from '../support/app.js';
import { createTestDatabaseUrl } from '../support/databases.js';

export interface StoreKind {
  label: string;
  /** A store private to the caller: the memory one, or Redis under a key prefix of its own. */
  make(): QueueStore;
}

/** The waiting room's stores: in process always, Redis when the harness started a redis-server. */
export function queueStoreKinds(): StoreKind[] {
  const kinds: StoreKind[] = [{ label: 'memory store', make: createMemoryQueueStore }];
  const redisUrl = inject('redisUrl');
  if (redisUrl) {
    kinds.push({
      label: 'Redis store',
      make: () =>
        createRedisQueueStore(redisUrl, { prefix: `karina-test:${randomBytes(6).toString('hex')}:` }),
    });
  }
  return kinds;
}

/** createTestApp (test/support/app.ts) with the waiting room's store handed in. */
export async function createQueueApp(
  kind: DialectName,
  store: QueueStore,
  overrides: Partial<Config> = {},
  clock: FakeClock = new FakeClock(),
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
    queueStore: store,
  });
  await app.ready();
  const tokenFor = async (role: 'admin' | 'student', userId: number) =>
    (await createSession(karina.db, { role, userId, now: clock.now(), ttlMs: 24 * 3_600_000 })).token;
  const admin = await karina.db
    .selectFrom('admins')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return {
    app,
    karina,
    clock,
    config,
    adminToken: await tokenFor('admin', admin.id),
    tokenFor,
    call: (method, path, options = {}) =>
      app.inject({
        method,
        url: path,
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
