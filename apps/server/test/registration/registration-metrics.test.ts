import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';

const HOUR = 3_600_000;

describe.each(testDatabaseKinds())('registration metric on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + HOUR });
  });
  afterAll(async () => t?.close());

  /** karina_registration_attempts_total by outcome, as Prometheus scrapes it. */
  async function scrape(): Promise<Record<string, number>> {
    const res = await t.call('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    const counts: Record<string, number> = {};
    for (const line of res.body.split('\n')) {
      const m = /^karina_registration_attempts_total\{[^}]*outcome="([^"]+)"[^}]*\} (\d+)$/.exec(line);
      if (m) counts[m[1]!] = Number(m[2]);
    }
    return counts;
  }
  const delta = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
        .filter(([, d]) => d !== 0),
    );

  it('when responses are fresh, replayed or refused before the service, each is counted once by the outcome the client saw', async () => {
    const [a, b] = await makeStudents(t.karina.db, dept, 2);
    const [ta, tb] = [await t.tokenFor('student', a!), await t.tokenFor('student', b!)];
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['MON', '09:00', '10:30']],
    });
    const register = (token: string, body: unknown, key?: string) =>
      t.call('POST', '/sugang/api/enrollments', {
        token,
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const before = await scrape();

    expect((await register(ta, { sectionId: section }, 'a-1')).statusCode).toBe(201);
    expect((await register(ta, { sectionId: section }, 'a-1')).headers['idempotent-replayed']).toBe('true');
    expect((await register(tb, { sectionId: section }, 'b-1')).json()).toMatchObject({
      error: { code: 'SECTION_FULL' },
    });
    const replayedFull = await register(tb, { sectionId: section }, 'b-1');
    expect(replayedFull.headers['idempotent-replayed']).toBe('true');
    expect(replayedFull.statusCode).toBe(409);
    expect((await register(ta, { sectionId: section })).statusCode).toBe(409);
    expect((await register(ta, { sectionId: section, extra: 1 })).statusCode).toBe(400);

    expect(delta(before, await scrape())).toEqual({
      ok: 2,
      SECTION_FULL: 2,
      ALREADY_ENROLLED: 1,
      VALIDATION_FAILED: 1,
    });
  });
});
