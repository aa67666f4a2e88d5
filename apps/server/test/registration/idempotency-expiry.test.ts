import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDEMPOTENCY_TTL_MS, sweepIdempotencyRecords } from '../../src/platform/idempotency.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Idempotency records replay for 24 hours, then the key is free again and the record is swept. */
describe.each(testDatabaseKinds())('idempotency expiry on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + 30 * DAY });
  });
  afterAll(async () => t?.close());

  async function student() {
    const [id] = await makeStudents(t.karina.db, dept, 1);
    return id!;
  }
  const newSection = async (day: 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI') =>
    makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 1 }), {
      meetings: [[day, '09:00', '10:00']],
    });
  /** A fresh token each time: the clock moves past session lifetimes in these tests. */
  const register = async (studentId: number, sectionId: number, key: string) =>
    t.call('POST', '/sugang/api/enrollments', {
      token: await t.tokenFor('student', studentId),
      body: { sectionId },
      headers: { 'idempotency-key': key },
    });
  const records = async (studentId: number) =>
    t.karina.db
      .selectFrom('idempotency_keys')
      .select(['idem_key', 'status', 'created_at'])
      .where('scope', '=', `student:${studentId}`)
      .orderBy('idem_key')
      .execute();

  it('when a key is repeated just within 24 hours it replays; just after, the request runs afresh', async () => {
    const s = await student();
    const section = await newSection('MON');
    const first = await register(s, section, 'day-key');
    expect(first.statusCode).toBe(201);

    t.clock.advance(IDEMPOTENCY_TTL_MS);
    const within = await register(s, section, 'day-key');
    expect(within.statusCode).toBe(201);
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.json()).toEqual(first.json());

    t.clock.advance(1);
    const after = await register(s, section, 'day-key');
    expect(after.statusCode).toBe(409);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.json()).toMatchObject({ error: { code: 'ALREADY_ENROLLED' } });
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 1, rows: 1 });
    expect(await records(s)).toEqual([{ idem_key: 'day-key', status: 409, created_at: t.clock.now() }]);
  });

  it('when an expired key is reused for another request, it is not IDEMPOTENCY_KEY_REUSED', async () => {
    const s = await student();
    const [a, b] = [await newSection('TUE'), await newSection('WED')];
    expect((await register(s, a, 'reused')).statusCode).toBe(201);
    expect((await register(s, b, 'reused')).json()).toMatchObject({
      error: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });

    t.clock.advance(DAY + 1);
    const later = await register(s, b, 'reused');
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({ enrollment: { sectionId: b } });
  });

  it('when the sweep runs, records older than 24 hours are deleted and younger ones kept', async () => {
    const s = await student();
    const [a, b, c] = [await newSection('MON'), await newSection('THU'), await newSection('FRI')];
    const start = t.clock.now();
    await register(s, a, 'old');
    t.clock.advance(HOUR);
    await register(s, b, 'edge');
    t.clock.advance(2 * HOUR);
    await register(s, c, 'new');
    t.clock.set(start + HOUR + DAY);

    const deleted = await sweepIdempotencyRecords(t.karina.db, t.clock.now());

    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await records(s)).map((r) => r.idem_key)).toEqual(['edge', 'new']);
    const others = await t.karina.db
      .selectFrom('idempotency_keys')
      .select('created_at')
      .where('created_at', '<', t.clock.now() - IDEMPOTENCY_TTL_MS)
      .execute();
    expect(others).toEqual([]);
  });
});

describe.each(testDatabaseKinds())('idempotency sweep in the running app on $label', ({ name }) => {
  it('when ten minutes pass, the app sweeps expired records beside expired sessions', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let t: TestApp | undefined;
    try {
      t = await createTestApp(name);
      const now = t.clock.now();
      const record = (key: string, createdAt: number) => ({
        scope: 'student:1',
        idem_key: key,
        fingerprint: 'f',
        status: 201,
        body: '{}',
        created_at: createdAt,
      });
      await t.karina.db
        .insertInto('idempotency_keys')
        .values([record('expired', now - IDEMPOTENCY_TTL_MS - 1), record('live', now - HOUR)])
        .execute();

      vi.advanceTimersByTime(10 * 60_000);

      const db = t.karina.db;
      await vi.waitFor(async () => {
        const keys = await db.selectFrom('idempotency_keys').select('idem_key').execute();
        expect(keys.map((k) => k.idem_key)).toEqual(['live']);
      });
    } finally {
      vi.useRealTimers();
      await t?.close();
    }
  });
});
