import type { AddressInfo } from 'node:net';
import type { Config } from '../../../server/src/config.js';
import { FakeClock } from '../../../server/src/platform/clock.js';
import { createTestApp } from '../../../server/test/support/app.js';
import type { TestApp } from '../../../server/test/support/app.js';

export interface RunningKarina extends TestApp {
  baseUrl: string;
}

/**
 * The real server (every route, SQLite, the built web app from apps/web/dist) listening on a
 * loopback port, with a fake clock (starting at the real now) the test moves (registration periods open and close by it).
 * Fixtures: apps/server/test/support/fixtures.ts; their students' password is FIXTURE_PASSWORD.
 */
export async function startKarina(
  overrides: Partial<Config> = {},
  // Real time by default: the browser drops a session cookie whose Expires (from this clock) has passed.
  clock: FakeClock = new FakeClock(Date.now()),
): Promise<RunningKarina> {
  const karina = await createTestApp('sqlite', { rateLimit: false, ...overrides }, clock);
  await karina.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = karina.app.server.address() as AddressInfo;
  return { ...karina, baseUrl: `http://127.0.0.1:${port}` };
}
