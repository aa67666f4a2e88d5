import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signAdmissionToken } from '../../src/modules/waiting-room/waiting-room.token.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import { createQueueApp, queueStoreKinds } from './support.js';
import { countingDb } from '../support/query-count.js';
import { createWaitingRoomService } from '../../src/modules/waiting-room/waiting-room.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SECRET = 'test-admission-secret-of-at-least-32-chars';

interface Status {
  ticket: string;
  position: number;
  etaSeconds: number;
  admitted: boolean;
  admissionToken?: string;
  nextPollMs: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const combos = testDatabaseKinds().flatMap((db) =>
  queueStoreKinds().map((store) => ({ db, store, label: `${db.label}, ${store.label}` })),
);

describe.each(combos)('waiting room on $label', ({ db, store }) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** An app, a department with `count` students (and their tokens) and a period opening at `opensIn`. */
  async function setUp(overrides: Partial<Config>, count: number, opensIn: number) {
    t = await createQueueApp(db.name, store.make(), { admissionSecret: SECRET, ...overrides });
    const dept = (await makeDepartment(t.karina.db)).id;
    const ids = await makeStudents(t.karina.db, dept, count);
    const tokens = await Promise.all(ids.map((id) => (t as TestApp).tokenFor('student', id)));
    const now = t.clock.now();
    const periodId = await makePeriod(t.karina.db, {
      opensAt: now + opensIn,
      closesAt: now + opensIn + 2 * HOUR,
    });
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), { capacity: 100 });
    return { app: t, dept, ids, tokens, periodId, section, opensAt: now + opensIn };
  }

  async function enter(token: string): Promise<Status> {
    const r = await (t as TestApp).call('POST', '/sugang/api/queue', { token });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Status>();
  }

  async function poll(token: string, ticket: string): Promise<Status> {
    const r = await (t as TestApp).call('GET', `/sugang/api/queue/${ticket}`, { token });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Status>();
  }

  function register(token: string, section: number, admission?: string) {
    return (t as TestApp).call('POST', '/sugang/api/enrollments', {
      token,
      body: { sectionId: section },
      ...(admission ? { headers: { 'x-admission-token': admission } } : {}),
    });
  }

  it('with KARINA_QUEUE=off, POST /queue admits at once with a token and registration needs none', async () => {
    const { tokens, section } = await setUp({ queue: 'off' }, 1, -MINUTE);
    const status = await enter(tokens[0] ?? '');
    expect(status).toMatchObject({ admitted: true, position: 0, etaSeconds: 0, nextPollMs: 0 });
    expect(status.admissionToken).toEqual(expect.any(String));
    expect((await register(tokens[0] ?? '', section)).statusCode).toBe(201);
  });

  it('with no registration period open or opening within the lead time, POST /queue is REGISTRATION_CLOSED', async () => {
    const { tokens } = await setUp({ queue: 'on', queueLeadMs: 30 * MINUTE }, 1, 31 * MINUTE);
    const r = await t?.call('POST', '/sugang/api/queue', { token: tokens[0] });
    expect(r?.statusCode).toBe(403);
    expect(r?.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
  });

  it('a second POST (refresh, second tab, second device) returns the same ticket and place; another student cannot read it', async () => {
    const { tokens } = await setUp({ queue: 'on', queueRate: 0 }, 3, -MINUTE);
    const [a = '', b = '', c = ''] = tokens;
    const first = await enter(a);
    await enter(b);
    const third = await enter(c);
    expect(first).toMatchObject({ admitted: false, position: 1 });
    expect(third.position).toBe(3);

    const again = await enter(c);
    const secondDevice = await enter(c);
    expect(again.ticket).toBe(third.ticket);
    expect(secondDevice).toMatchObject({ ticket: third.ticket, position: 3 });
    expect((await poll(c, third.ticket)).position).toBe(3);

    const stranger = await t?.call('GET', `/sugang/api/queue/${third.ticket}`, { token: a });
    expect(stranger?.statusCode).toBe(404);
    expect(stranger?.body).not.toContain('position');
    expect((await t?.call('GET', `/sugang/api/queue/${third.ticket}`))?.statusCode).toBe(401);
  });

  it('pre-opening joiners are admitted in the order recomputed from the revealed seed, then later joiners first come first served', async () => {
    const { tokens, ids, opensAt } = await setUp({ queue: 'on', queueRate: 1 }, 8, 10 * MINUTE);
    const app = t as TestApp;
    const before = await app.call('GET', '/sugang/api/queue/fairness');
    const committed = before.json<{
      periodId: number;
      seedHash: string;
      seed: string | null;
      revealedAt: null;
    }>();
    expect(committed.seed).toBeNull();
    expect(committed.revealedAt).toBeNull();
    expect(committed.seedHash).toMatch(/^[0-9a-f]{64}$/);

    const early = tokens.slice(0, 5);
    const tickets = new Map<string, string>();
    for (const token of early) tickets.set(token, (await enter(token)).ticket);

    app.clock.set(opensAt + 10);
    const late = tokens.slice(5);
    for (const token of late) tickets.set(token, (await enter(token)).ticket);

    const after = (await app.call('GET', '/sugang/api/queue/fairness')).json<{
      seedHash: string;
      seed: string;
      revealedAt: string;
    }>();
    expect(after.seedHash).toBe(committed.seedHash);
    expect(sha256(after.seed)).toBe(committed.seedHash);
    expect(after.revealedAt).toBe(new Date(opensAt).toISOString());

    const admittedOrder: number[] = [];
    for (let second = 0; second < tokens.length + 2 && admittedOrder.length < tokens.length; second++) {
      app.clock.advance(1_000);
      for (const [i, token] of tokens.entries()) {
        const id = ids[i] ?? -1;
        if (admittedOrder.includes(id)) continue;
        if ((await poll(token, tickets.get(token) ?? '')).admitted) admittedOrder.push(id);
      }
    }
    const earlyIds = ids.slice(0, 5);
    const recomputed = [...earlyIds].sort((x, y) =>
      sha256(`${after.seed}:${x}`).localeCompare(sha256(`${after.seed}:${y}`)),
    );
    expect(admittedOrder).toEqual([...recomputed, ...ids.slice(5)]);
  });

  it('at a fixed rate of 2 per second under the fake clock, exactly 2 more are admitted each second, none before the opening', async () => {
    const { tokens, opensAt } = await setUp({ queue: 'on', queueRate: 2 }, 7, 5 * MINUTE);
    const app = t as TestApp;
    const tickets: string[] = [];
    for (const token of tokens) tickets.push((await enter(token)).ticket);
    const admittedCount = async () => {
      let n = 0;
      for (const [i, token] of tokens.entries()) if ((await poll(token, tickets[i] ?? '')).admitted) n++;
      return n;
    };
    app.clock.set(opensAt - 1);
    expect(await admittedCount()).toBe(0);
    app.clock.set(opensAt);
    expect(await admittedCount()).toBe(0);
    const counts = [];
    for (let s = 0; s < 4; s++) {
      app.clock.advance(1_000);
      counts.push(await admittedCount());
    }
    expect(counts).toEqual([2, 4, 6, 7]);
  });

  it('a waiting student’s position and ETA never go up, even when the drain rate falls and others join ahead before the opening', async () => {
    const { tokens, opensAt } = await setUp({ queue: 'on', queueP99BudgetMs: 100 }, 40, 2 * MINUTE);
    const app = t as TestApp;
    const watched = tokens[0] ?? '';
    const ticket = (await enter(watched)).ticket;
    const seen: Status[] = [await poll(watched, ticket)];
    for (const token of tokens.slice(1)) {
      await enter(token);
      seen.push(await poll(watched, ticket));
    }
    app.clock.set(opensAt);
    for (let s = 0; s < 20; s++) {
      app.clock.advance(1_000);
      // Registration far over budget: the adaptive rate halves each second, the drain slows.
      for (let i = 0; i < 30; i++) app.app.waitingRoom.recorder.finished(5_000, app.clock.now());
      const status = await poll(watched, ticket);
      seen.push(status);
      if (status.admitted) break;
    }
    for (let i = 1; i < seen.length; i++) {
      const [prev, cur] = [seen[i - 1] as Status, seen[i] as Status];
      if (cur.admitted) break;
      expect(cur.position).toBeLessThanOrEqual(prev.position);
      expect(cur.etaSeconds).toBeLessThanOrEqual(prev.etaSeconds);
      expect(cur.position).toBeGreaterThanOrEqual(1);
    }
  });

  it('while the queue is active, registration without a valid admission token is 403 ADMISSION_REQUIRED; with one it succeeds', async () => {
    const { tokens, ids, section, periodId } = await setUp(
      { queue: 'on', queueRate: 10, admissionTtlMs: 60_000 },
      2,
      -MINUTE,
    );
    const app = t as TestApp;
    const [mine = '', other = ''] = tokens;
    const [myId = 0, otherId = 0] = ids;
    const ticket = (await enter(mine)).ticket;
    app.clock.advance(1_000);
    const admitted = await poll(mine, ticket);
    expect(admitted.admitted).toBe(true);
    const token = admitted.admissionToken ?? '';
    const denied = async (admission?: string) => {
      const r = await register(mine, section, admission);
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'ADMISSION_REQUIRED' } });
    };
    await denied(undefined);
    await denied(`${token.slice(0, -2)}${token.endsWith('AA') ? 'AB' : 'AA'}`);
    await denied(token.replace(`a1.${myId}.`, `a1.${otherId}.`));
    await denied(
      signAdmissionToken(SECRET, { studentId: otherId, periodId, expiresAt: app.clock.now() + 60_000 }),
    );
    await denied(
      signAdmissionToken(SECRET, {
        studentId: myId,
        periodId: periodId + 1,
        expiresAt: app.clock.now() + 60_000,
      }),
    );
    await denied(
      signAdmissionToken('another-secret-of-at-least-32-characters', {
        studentId: myId,
        periodId,
        expiresAt: app.clock.now() + 60_000,
      }),
    );
    const otherOwn = await register(other, section, token);
    expect(otherOwn.json()).toMatchObject({ error: { code: 'ADMISSION_REQUIRED' } });

    expect((await register(mine, section, token)).statusCode).toBe(201);
    const drop = await app.call('DELETE', `/sugang/api/enrollments/${section}`, { token: mine });
    expect(drop.json()).toMatchObject({ error: { code: 'ADMISSION_REQUIRED' } });

    app.clock.advance(60_000);
    const expired = await app.call('DELETE', `/sugang/api/enrollments/${section}`, {
      token: mine,
      headers: { 'x-admission-token': token },
    });
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ error: { code: 'ADMISSION_REQUIRED' } });
    const enrolled = await app.karina.db.selectFrom('enrollments').select('student_id').execute();
    expect(enrolled).toEqual([{ student_id: myId }]);
  });

  it('with a valid admission token for an open period, the admission check sends no statement; a token for a period that has closed is checked against the database', async () => {
    const { ids, periodId, app } = await setUp(
      { queue: 'on', queueRate: 10, admissionTtlMs: 3 * HOUR },
      1,
      -MINUTE,
    );
    const [id = 0] = ids;
    const counting = countingDb(app.karina.db);
    const room = createWaitingRoomService({ ...app.app.deps, db: counting.db }, { store: store.make() });
    try {
      const entered = await room.enter(id);
      app.clock.advance(1_000);
      const admitted = await room.status(id, entered.ticket);
      const token = admitted.admissionToken ?? '';
      expect(admitted.admitted).toBe(true);
      const before = counting.count();
      await room.assertAdmitted(id, token);
      expect(counting.count() - before, 'a registration click pays nothing for its admission').toBe(0);
      await expect(room.assertAdmitted(id + 1, token)).rejects.toMatchObject({ code: 'ADMISSION_REQUIRED' });
      await app.karina.db
        .updateTable('periods')
        .set({ closes_at: app.clock.now() - 1 })
        .where('id', '=', periodId)
        .execute();
      app.app.deps.bus.publish('periods', String(periodId));
      // The store still holds the old window for its cache time; past it, the period is read again.
      app.clock.advance(2 * HOUR);
      await room.assertAdmitted(id, token);
      expect(counting.count() - before, 'no open period: checked in the database, and let through').toBe(1);
    } finally {
      await room.close();
    }
  });

  it('with KARINA_QUEUE=auto, the room engages when registration p99 passes the budget and releases after the load falls', async () => {
    const { tokens, section } = await setUp(
      { queue: 'auto', queueP99BudgetMs: 200, queueReleaseMs: 10_000, queueRate: 0 },
      2,
      -MINUTE,
    );
    const app = t as TestApp;
    const [a = '', b = ''] = tokens;
    expect((await enter(a)).admitted).toBe(true);

    for (let i = 0; i < 25; i++) app.app.waitingRoom.recorder.finished(1_000, app.clock.now());
    app.clock.advance(1_000);
    const queued = await enter(b);
    expect(queued).toMatchObject({ admitted: false, position: 1 });
    expect((await register(b, section)).json()).toMatchObject({ error: { code: 'ADMISSION_REQUIRED' } });

    app.clock.advance(10_000);
    expect((await register(b, section)).statusCode).toBe(201);
    expect((await poll(b, queued.ticket)).admitted).toBe(true);
  });

  it('with KARINA_QUEUE=auto, the room engages when registration requests in flight reach the threshold', async () => {
    const { tokens, section } = await setUp(
      { queue: 'auto', queueEngageInFlight: 3, queueRate: 0 },
      1,
      -MINUTE,
    );
    const app = t as TestApp;
    for (let i = 0; i < 3; i++) app.app.waitingRoom.recorder.started();
    expect((await register(tokens[0] ?? '', section)).json()).toMatchObject({
      error: { code: 'ADMISSION_REQUIRED' },
    });
    expect((await enter(tokens[0] ?? '')).admitted).toBe(false);
  });

  it('when 150 students POST /queue at once, each gets one distinct ticket and the places are exactly 1..150', async () => {
    const { tokens } = await setUp({ queue: 'on', queueRate: 0 }, 150, -MINUTE);
    const first = await Promise.all(tokens.map((token) => enter(token)));
    const again = await Promise.all(tokens.map((token) => enter(token)));
    expect(new Set(first.map((s) => s.ticket)).size).toBe(150);
    expect(first.map((s) => s.position).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 150 }, (_, i) => i + 1),
    );
    expect(again.map((s) => s.ticket)).toEqual(first.map((s) => s.ticket));
    expect(again.map((s) => s.position)).toEqual(first.map((s) => s.position));
  });

  it('waiting clients are told to ask again later the further back they are', async () => {
    const { tokens } = await setUp({ queue: 'on', queueRate: 0 }, 300, -MINUTE);
    const statuses = [];
    for (const token of tokens) statuses.push(await enter(token));
    const [front, back] = [statuses[0] as Status, statuses.at(-1) as Status];
    expect(front.nextPollMs).toBeGreaterThanOrEqual(1_000);
    expect(back.nextPollMs).toBeGreaterThan(front.nextPollMs);
    expect(back.nextPollMs).toBeLessThanOrEqual(30_000);
  });
});
