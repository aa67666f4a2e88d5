import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryQueueStore } from '../src/modules/waiting-room/waiting-room.store.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { CONTESTED_SECTIONS } from '../src/platform/metrics.js';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from './support/fixtures.js';
import { createQueueApp } from './waiting-room/support.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Every sample of one metric in a Prometheus text exposition. */
function samples(text: string, name: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]!] = pair[2]!;
    }
    out.push({ labels, value: Number(m[3]) });
  }
  return out;
}

/** The one sample of `name` whose labels include `match`; fails when there is none. */
function value(text: string, name: string, match: Record<string, string> = {}): number {
  const found = samples(text, name).filter((s) => Object.entries(match).every(([k, v]) => s.labels[k] === v));
  expect(found, `${name} ${JSON.stringify(match)}`).toHaveLength(1);
  return found[0]!.value;
}

async function scrape(t: TestApp): Promise<string> {
  const res = await t.call('GET', '/metrics');
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe.each(testDatabaseKinds())('metrics on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name, { buildCommit: 'abc1234' });
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + HOUR });
  });
  afterAll(async () => t?.close());

  it('says which build runs, that it is ready, and how its database pool is used; every series carries the service', async () => {
    const text = await scrape(t);
    expect(value(text, 'karina_build_info', { version: VERSION, commit: 'abc1234', service: 'all' })).toBe(1);
    expect(value(text, 'karina_ready')).toBe(1);
    expect(value(text, 'karina_db_pool_size')).toBe(name === 'sqlite' ? 1 : 30);
    // At rest between requests nothing holds or waits for a connection.
    expect(value(text, 'karina_db_pool_in_use')).toBe(0);
    expect(value(text, 'karina_db_pool_waiting')).toBe(0);
    expect(value(text, 'karina_db_transaction_retries_total')).toBe(0);
    const utilization = value(text, 'karina_event_loop_utilization');
    expect(utilization).toBeGreaterThanOrEqual(0);
    expect(utilization).toBeLessThanOrEqual(1);
    for (const reason of ['event_loop_delay', 'in_flight']) {
      expect(value(text, 'karina_shed_requests_total', { reason })).toBe(0);
    }
    for (const line of text.split('\n').filter((l) => /^karina_/.test(l))) {
      expect(line).toMatch(/service="all"/);
    }
  });

  it('counts requests by route template and status class, never by id', async () => {
    const [student] = await makeStudents(t.karina.db, dept, 1);
    const token = await t.tokenFor('student', student!);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), { capacity: 5 });
    const before = await scrape(t);
    const count = (text: string, labels: Record<string, string>) =>
      samples(text, 'karina_http_requests_total')
        .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((n, s) => n + s.value, 0);

    expect(
      (await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } })).statusCode,
    ).toBe(201);
    expect(
      (await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId: section } })).statusCode,
    ).toBe(409);
    expect((await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token })).statusCode).toBe(204);
    expect((await t.call('GET', '/no/such/page/12345')).statusCode).toBe(404);

    const after = await scrape(t);
    const post = { method: 'POST', route: '/sugang/api/enrollments' };
    expect(
      count(after, { ...post, status_class: '2xx' }) - count(before, { ...post, status_class: '2xx' }),
    ).toBe(1);
    expect(
      count(after, { ...post, status_class: '4xx' }) - count(before, { ...post, status_class: '4xx' }),
    ).toBe(1);
    const drop = { method: 'DELETE', route: '/sugang/api/enrollments/:sectionId', status_class: '2xx' };
    expect(count(after, drop) - count(before, drop)).toBe(1);
    const histogram = samples(after, 'karina_http_request_duration_seconds_count').filter(
      (s) => s.labels.route === '/sugang/api/enrollments/:sectionId',
    );
    expect(histogram.map((s) => s.labels.status_class)).toEqual(['2xx']);
    for (const s of samples(after, 'karina_http_requests_total')) {
      expect(s.labels.route).not.toMatch(/\d/);
      expect(s.labels).not.toHaveProperty('status');
    }
  });

  it('counts committed enrollments, drops, wait-list joins and leaves, promotions and idempotent replays', async () => {
    const [a, b, c] = await makeStudents(t.karina.db, dept, 3);
    const [ta, tb, tc] = await Promise.all([a, b, c].map((id) => t.tokenFor('student', id!)));
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 1,
      meetings: [['TUE', '09:00', '10:30']],
    });
    const events = (text: string): Record<string, number> =>
      Object.fromEntries(
        samples(text, 'karina_enrollment_events_total').map((s): [string, number] => [
          s.labels.event ?? '',
          s.value,
        ]),
      );
    const before = await scrape(t);
    expect(Object.keys(events(before)).sort()).toEqual([
      'dropped',
      'enrolled',
      'promoted',
      'waitlist_joined',
      'waitlist_left',
    ]);

    const body = { sectionId: section };
    const first = await t.call('POST', '/sugang/api/enrollments', {
      token: ta,
      body,
      headers: { 'idempotency-key': 'm-1' },
    });
    expect(first.statusCode).toBe(201);
    const again = await t.call('POST', '/sugang/api/enrollments', {
      token: ta,
      body,
      headers: { 'idempotency-key': 'm-1' },
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Refused: nothing committed, nothing counted as an enrollment.
    expect((await t.call('POST', '/sugang/api/enrollments', { token: tb, body })).statusCode).toBe(409);
    expect((await t.call('POST', '/sugang/api/waitlist', { token: tb, body })).statusCode).toBe(201);
    expect((await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: ta })).statusCode).toBe(
      204,
    );
    expect((await t.call('POST', '/sugang/api/waitlist', { token: tc, body })).statusCode).toBe(201);
    expect((await t.call('DELETE', `/sugang/api/waitlist/${section}`, { token: tc })).statusCode).toBe(204);

    const after = await scrape(t);
    const delta = Object.fromEntries(
      Object.entries(events(after)).map(([k, v]) => [k, v - (events(before)[k] ?? 0)]),
    );
    expect(delta).toEqual({ enrolled: 1, dropped: 1, promoted: 1, waitlist_joined: 2, waitlist_left: 1 });
    expect(
      value(after, 'karina_idempotent_replays_total') - value(before, 'karina_idempotent_replays_total'),
    ).toBe(1);
  });

  it('shows seats taken against capacity overall, as the database has them, and for at most the most contested sections', async () => {
    const subject = await makeSubject(t.karina.db, dept);
    for (let i = 0; i < CONTESTED_SECTIONS + 2; i++) await makeSection(t.karina.db, subject, { capacity: 3 });
    // The monitor snapshot behind the gauges is at most 2 s old (by the app's clock).
    t.clock.advance(2_100);
    const text = await scrape(t);
    const totals = await t.karina.db
      .selectFrom('sections')
      .select((eb) => [eb.fn.sum<number>('taken').as('taken'), eb.fn.sum<number>('capacity').as('capacity')])
      .executeTakeFirstOrThrow();
    expect(value(text, 'karina_seats_taken')).toBe(Number(totals.taken));
    expect(value(text, 'karina_seats_capacity')).toBe(Number(totals.capacity));
    const sections = samples(text, 'karina_section_seats_capacity');
    expect(sections).toHaveLength(CONTESTED_SECTIONS);
    for (const s of sections) expect(s.labels.section).toMatch(/^[A-Z0-9]+-\d{2,}$/);
    expect(samples(text, 'karina_section_seats_taken')).toHaveLength(CONTESTED_SECTIONS);
    expect(samples(text, 'karina_section_waitlist_length')).toHaveLength(CONTESTED_SECTIONS);
  });

  it('says not ready from the moment shutdown starts', async () => {
    const other = await createTestApp(name);
    try {
      expect(value(await scrape(other), 'karina_ready')).toBe(1);
      other.app.startDraining();
      expect(value(await scrape(other), 'karina_ready')).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe.each(testDatabaseKinds())('waiting-room metrics on $label', ({ name }) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('shows the line growing before the opening, then admissions at the set rate and the line shrinking', async () => {
    t = await createQueueApp(name, createMemoryQueueStore(), { queue: 'on', queueRate: 2 });
    const app = t;
    const dept = (await makeDepartment(app.karina.db)).id;
    const ids = await makeStudents(app.karina.db, dept, 5);
    const tokens = await Promise.all(ids.map((id) => app.tokenFor('student', id)));
    const opensAt = app.clock.now() + 5 * MINUTE;
    await makePeriod(app.karina.db, { opensAt, closesAt: opensAt + HOUR });
    const idle = await scrape(app);
    expect(value(idle, 'karina_waiting_room_depth')).toBe(0);
    expect(value(idle, 'karina_waiting_room_admissions_total')).toBe(0);

    const tickets: string[] = [];
    for (const token of tokens) {
      const r = await app.call('POST', '/sugang/api/queue', { token });
      expect(r.statusCode, r.body).toBe(200);
      tickets.push(r.json<{ ticket: string }>().ticket);
    }
    const waiting = await scrape(app);
    expect(value(waiting, 'karina_waiting_room_active')).toBe(1);
    expect(value(waiting, 'karina_waiting_room_depth')).toBe(5);
    expect(value(waiting, 'karina_waiting_room_admission_rate')).toBe(2);
    // Five minutes to the opening, then five at 2 per second.
    expect(value(waiting, 'karina_waiting_room_eta_seconds')).toBe(5 * 60 + 3);

    app.clock.set(opensAt + 1_000);
    const poll = await app.call('GET', `/sugang/api/queue/${tickets[0]}`, { token: tokens[0] });
    expect(poll.statusCode, poll.body).toBe(200);
    const admitting = await scrape(app);
    expect(value(admitting, 'karina_waiting_room_admissions_total')).toBe(2);
    expect(value(admitting, 'karina_waiting_room_depth')).toBe(3);
  });
});

describe('KARINA_BUILD_COMMIT', () => {
  it('is read from the environment as a commit id, "unknown" when unset, and anything else refused', () => {
    expect(loadConfig({ KARINA_BUILD_COMMIT: '0123abcd' }).buildCommit).toBe('0123abcd');
    expect(loadConfig({}).buildCommit).toBe('unknown');
    expect(() => loadConfig({ KARINA_BUILD_COMMIT: 'main; rm -rf /' })).toThrow(ConfigError);
    expect(() => loadConfig({ KARINA_BUILD_COMMIT: 'ABC' })).toThrow(/KARINA_BUILD_COMMIT/);
  });
});
