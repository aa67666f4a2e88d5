import type { DialectName } from '@karina/db';
import type { Config } from '../../src/config.js';
import { createTestApp } from './app.js';
import type { TestApp } from './app.js';
import { makeDepartment, makePeriod } from './fixtures.js';

const HOUR = 3_600_000;

/**
 * What most registration suites start from: a test app, one department, and a registration period
 * for every year open from an hour ago to an hour from now.
 */
export async function openRegistrationWorld(
  kind: DialectName,
  overrides: Partial<Config> = {},
  period: { maxCredits?: number } = {},
): Promise<{ t: TestApp; dept: number }> {
  const t = await createTestApp(kind, overrides);
  const dept = (await makeDepartment(t.karina.db)).id;
  await makePeriod(t.karina.db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + HOUR, ...period });
  return { t, dept };
}
