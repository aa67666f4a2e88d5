import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, migrateToLatest } from '@karina/db';
import type { KarinaDb } from '@karina/db';
import { createSession } from '../../src/platform/sessions.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import {
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';
import { startHaproxy } from '../support/haproxy.js';
import type { RunningHaproxy } from '../support/haproxy.js';
import { missingMultiProcessServices, startServerChild } from './server-processes.js';
import type { ServerChild } from './server-processes.js';

const HOUR = 3_600_000;
const STUDENTS = 200;
const CAPACITY = 40;

const redisUrl = inject('redisUrl');
const missing = missingMultiProcessServices('multi-process hot race');

describe.skipIf(missing.length > 0)('hot race across two registration processes behind haproxy', () => {
  let karina: KarinaDb;
  let servers: ServerChild[] = [];
  let proxy: RunningHaproxy | undefined;
  let sectionId: number;
  let tokens: string[];

  beforeAll(async () => {
    const url = await createTestDatabaseUrl('mysql');
    karina = connectDatabase(url);
    await migrateToLatest(karina.db, karina.dialect);
    const db = karina.db;
    // The servers read the real clock, so the period is open by the real clock.
    const now = Date.now();
    const dept = (await makeDepartment(db)).id;
    await makePeriod(db, { opensAt: now - HOUR, closesAt: now + HOUR, maxCredits: 18 });
    sectionId = await makeSection(db, await makeSubject(db, dept), {
      capacity: CAPACITY,
      meetings: [['MON', '09:00', '10:30']],
    });
    const students = await makeStudents(db, dept, STUDENTS);
    tokens = [];
    for (const userId of students) {
      tokens.push((await createSession(db, { role: 'student', userId, now, ttlMs: HOUR })).token);
    }
    const env = {
      KARINA_DB_URL: url,
      KARINA_REDIS_URL: redisUrl ?? '',
      KARINA_SERVICE: 'sugang',
      KARINA_QUEUE: 'off',
    };
    servers = await Promise.all([startServerChild(env), startServerChild(env)]);
    proxy = await startHaproxy(
      servers.map((s, i) => ({ name: `sugang${i + 1}`, address: `127.0.0.1:${s.port}` })),
    );
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await karina?.close();
  });

  it(`seats exactly ${CAPACITY} of ${STUDENTS} students racing through haproxy, and both processes serve`, async () => {
    const front = proxy?.url ?? '';
    const before = (await proxy?.served()) ?? {};
    const answers = await Promise.all(
      tokens.map(async (token) => {
        const r = await fetch(`${front}/sugang/api/enrollments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ sectionId }),
        });
        const body = (await r.json()) as { error?: { code?: string } };
        return r.status === 201 ? '201' : `${r.status} ${body.error?.code ?? ''}`;
      }),
    );
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a] = (counts[a] ?? 0) + 1;
    expect(counts).toEqual({ '201': CAPACITY, '409 SECTION_FULL': STUDENTS - CAPACITY });

    expect(await seatState(karina.db, sectionId)).toMatchObject({ taken: CAPACITY, rows: CAPACITY });

    const after = (await proxy?.served()) ?? {};
    const served = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
    expect(Object.keys(served).sort()).toEqual(['sugang1', 'sugang2']);
    for (const n of Object.values(served)) expect(n).toBeGreaterThan(0);
    expect(Object.values(served).reduce((a, b) => a + b, 0)).toBe(STUDENTS);
  });
});
