import type { DialectName } from '@karina/db';
import type { Config } from '../config.js';
import type { QueueStore } from '../modules/waiting-room/waiting-room.store.js';
import type { Clock } from './clock.js';
import type { InvalidationBus } from './invalidation.js';
import type { RejectionCounter } from './rejections.js';
import type { Db } from './transactions.js';

/** What every module is built from; passed explicitly, so tests hand in their own. */
export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  /** SECTION_FULL answers per section, for the live monitor (memory, and Redis when configured). */
  rejections: RejectionCounter;
  /** Tells every process's caches what changed (in process, and through Redis when configured). */
  bus: InvalidationBus;
  /** The waiting room's line; unset, from the config (Redis when KARINA_REDIS_URL is set, else memory). */
  queueStore?: QueueStore | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
