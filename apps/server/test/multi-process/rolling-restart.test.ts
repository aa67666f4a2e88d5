import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, migrateToLatest } from '@karina/db';
import type { KarinaDb } from '@karina/db';
import { createSession } from '../../src/platform/sessions.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import { startHaproxy } from '../support/haproxy.js';
import type { RunningHaproxy } from '../support/haproxy.js';
import { missingMultiProcessServices, startServerChild } from './server-processes.js';
import type { ServerChild } from './server-processes.js';

const HOUR = 3_600_000;
/** Clients sending registrations and drops one after another, each as its own student. */
const CLIENTS = 12;
const ROUNDS = 10;
const DAYS = ['MON', 'TUE', 'WED'] as const;

const redisUrl = inject('redisUrl');
const missing = missingMultiProcessServices('rolling restarts behind haproxy');

interface Client {
  token: string;
  studentId: number;
  /** Sections this client was told (201) it holds, minus those it was told (204) it dropped. */
  held: Set<number>;
  acknowledged: number;
}

describe.skipIf(missing.length > 0)('two registration processes behind haproxy, restarted in turn', () => {
  let karina: KarinaDb;
  let servers: ServerChild[] = [];
  let proxy: RunningHaproxy | undefined;
  let sectionIds: number[];
  let clients: Client[];
  let env: Record<string, string>;

  beforeAll(async () => {
    const url = await createTestDatabaseUrl('mysql');
    karina = connectDatabase(url);
    await migrateToLatest(karina.db, karina.dialect);
    const db = karina.db;
    const now = Date.now(); // the servers read the real clock
    const dept = (await makeDepartment(db)).id;
    await makePeriod(db, { opensAt: now - HOUR, closesAt: now + 2 * HOUR, maxCredits: 18 });
    sectionIds = [];
    for (const day of DAYS) {
      sectionIds.push(
        await makeSection(db, await makeSubject(db, dept), {
          capacity: 100,
          meetings: [[day, '09:00', '10:30']],
        }),
      );
    }
    const students = await makeStudents(db, dept, CLIENTS);
    clients = [];
    for (const studentId of students) {
      const { token } = await createSession(db, { role: 'student', userId: studentId, now, ttlMs: 2 * HOUR });
      clients.push({ token, studentId, held: new Set(), acknowledged: 0 });
    }
    env = {
      KARINA_DB_URL: url,
      KARINA_REDIS_URL: redisUrl ?? '',
      KARINA_SERVICE: 'sugang',
      KARINA_QUEUE: 'off',
      // haproxy checks every 500 ms and takes a backend out after 2 failures: 2 s is ample.
      KARINA_SHUTDOWN_DRAIN_MS: '2000',
      KARINA_SHUTDOWN_TIMEOUT_MS: '15000',
      // What went wrong, should anything: printed with the failures.
      KARINA_LOG_LEVEL: 'error',
    };
    servers = await Promise.all([startServerChild(env), startServerChild(env)]);
    proxy = await startHaproxy(
      servers.map((s, i) => ({ name: `sugang${i + 1}`, address: `127.0.0.1:${s.port}` })),
    );
  }, 180_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await karina?.close();
  });

  it(`loses no request and no registration while each process restarts ${ROUNDS} times under steady traffic`, async () => {
    const front = proxy?.url ?? '';
    const failures: string[] = [];
    const retired: ServerChild[] = [];
    let stopping = false;

    async function send(client: Client, method: 'POST' | 'DELETE', sectionId: number): Promise<void> {
      const path = method === 'POST' ? '/sugang/api/enrollments' : `/sugang/api/enrollments/${sectionId}`;
      try {
        const r = await fetch(`${front}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${client.token}`,
            'idempotency-key': randomUUID(),
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          ...(method === 'POST' ? { body: JSON.stringify({ sectionId }) } : {}),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await r.text();
        if (r.status === (method === 'POST' ? 201 : 204)) {
          if (method === 'POST') client.held.add(sectionId);
          else client.held.delete(sectionId);
          client.acknowledged++;
        } else {
          failures.push(`${method} ${path}: ${r.status} ${text.slice(0, 200)}`);
        }
      } catch (error) {
        failures.push(`${method} ${path}: ${String(error)}`);
      }
    }

    // Each client registers for its three sections, drops them, and so on, one request at a time.
    const traffic = clients.map(async (client) => {
      while (!stopping && failures.length < 20) {
        for (const id of sectionIds) await send(client, 'POST', id);
        for (const id of sectionIds) await send(client, 'DELETE', id);
      }
      // Ends holding some sections, so "present afterwards" is checked for rows, not only absences.
      for (const id of sectionIds.slice(0, 1 + (client.studentId % DAYS.length)))
        await send(client, 'POST', id);
    });

    const servedBefore = (await proxy?.served()) ?? {};
    const acknowledgedAt = () => clients.reduce((n, c) => n + c.acknowledged, 0);
    for (let round = 1; round <= ROUNDS && failures.length === 0; round++) {
      for (let i = 0; i < servers.length; i++) {
        const name = `sugang${i + 1}`;
        const old = servers[i]!;
        const before = acknowledgedAt();
        await old.stop();
        retired.push(old);
        expect(old.exitCode(), `${name} exit code in round ${round}\n${old.stderr()}`).toBe(0);
        servers[i] = await startServerChild(env, { port: old.port });
        await proxy?.waitForStatus(name, 'UP');
        if (failures.length > 0) break; // reported below, with the servers' logs
        // Traffic flowed while this one was away and back.
        expect(acknowledgedAt(), `traffic during round ${round}, ${name}`).toBeGreaterThan(before);
      }
    }
    stopping = true;
    await Promise.all(traffic);

    expect(failures, [...retired, ...servers].map((s) => s.stderr()).join('\n')).toEqual([]);
    const served = (await proxy?.served()) ?? {};
    for (const name of ['sugang1', 'sugang2']) {
      expect(served[name]! - (servedBefore[name] ?? 0), `${name} served`).toBeGreaterThan(0);
    }

    // Every acknowledged registration is there, every acknowledged drop is gone, counters agree.
    const rows = await karina.db
      .selectFrom('enrollments')
      .select(['student_id', 'section_id'])
      .where('section_id', 'in', sectionIds)
      .execute();
    for (const client of clients) {
      const inDb = rows.filter((r) => r.student_id === client.studentId).map((r) => r.section_id);
      expect(inDb.sort(), `student ${client.studentId}`).toEqual([...client.held].sort());
    }
    const sections = await karina.db
      .selectFrom('sections')
      .select(['id', 'taken'])
      .where('id', 'in', sectionIds)
      .execute();
    for (const s of sections)
      expect(s.taken, `section ${s.id}`).toBe(rows.filter((r) => r.section_id === s.id).length);
    expect(rows.length).toBeGreaterThan(0);
  }, 600_000);
});
