import type { DialectName } from '@karina/db';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Db } from './transactions.js';

/** What every module is built from; passed explicitly, so tests hand in their own. */
export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  dialect: DialectName;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
