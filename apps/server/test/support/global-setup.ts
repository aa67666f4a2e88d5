import type { TestProject } from 'vitest/node';
import { findBinary, servicesRequired, startPrivateMariaDb, startPrivateRedis } from './services.js';
import type { RunningService } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mariadbUrl: string | null;
    redisUrl: string | null;
  }
}

let mariadb: RunningService | undefined;
let redis: RunningService | undefined;

function loud(message: string): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! ${message}\n${bar}\n\n`);
}

export async function setup(project: TestProject): Promise<void> {
  if (findBinary('mariadbd') && findBinary('mariadb-install-db')) {
    mariadb = await startPrivateMariaDb();
    project.provide('mariadbUrl', mariadb.url);
  } else if (servicesRequired()) {
    throw new Error(
      'KARINA_REQUIRE_SERVICES=1 but mariadbd is not installed (apt-get install mariadb-server)',
    );
  } else {
    loud('SKIPPING every MariaDB suite: mariadbd not found. Install mariadb-server to run them.');
    project.provide('mariadbUrl', null);
  }
  if (findBinary('redis-server')) {
    redis = await startPrivateRedis();
    project.provide('redisUrl', redis.url);
  } else if (servicesRequired()) {
    throw new Error(
      'KARINA_REQUIRE_SERVICES=1 but redis-server is not installed (apt-get install redis-server)',
    );
  } else {
    loud('SKIPPING every Redis suite: redis-server not found. Install redis-server to run them.');
    project.provide('redisUrl', null);
  }
}

export async function teardown(): Promise<void> {
  await Promise.all([mariadb?.stop(), redis?.stop()]);
}
