/**
 * The opening second (수강신청 오픈) benchmark: see bench/README.md. Run with `npm run bench`.
 * Not a test: it measures, prints a table per database with every figure next to the baseline
 * measured in the same run, and exits 1 only when a seat count or an outcome is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { testConfig } from '../apps/server/src/config.js';
import type { Db } from '../apps/server/src/platform/transactions.js';
import { haproxyInstalled, startHaproxy } from '../apps/server/test/support/haproxy.js';
import { startPrivateRedis } from '../apps/server/test/support/services.js';
import { Cleanup } from './lib/cleanup.js';
import { openBenchDatabase } from './lib/databases.js';
import { LARGE_OPENING_NAME, LARGE_OPENING_STUDENTS, writeDocs, writeResults } from './lib/docs.js';
import { startFlowClient, startLoadGenerator } from './lib/load-client.js';
import type { FlowClient, LoadGenerator } from './lib/load-client.js';
import { USAGE, UsageError, parseBenchOptions, reproduceCommand } from './lib/options.js';
import type { BenchDatabase, BenchOptions } from './lib/options.js';
import { progress } from './lib/progress.js';
import type { FlowSpec, LoadSpec } from './lib/protocol.js';
import { formatDatabaseReport, formatOutcomes } from './lib/report.js';
import type { BenchReport, Check, DatabaseReport, ScenarioReport } from './lib/report.js';
import { OPENING_SLOTS, SPREAD_SECTIONS, seedScenarios } from './lib/seed.js';
import type { ScenarioSeed } from './lib/seed.js';
import { startServerProcess } from './lib/server-process.js';
import type { ServerProcess } from './lib/server-process.js';

const REQUEST_TIMEOUT_SECONDS = 30;
/**
 * The baseline answers an order of magnitude faster than anything touching the database, so N
 * requests of it last a fraction of a second; it gets at least this many to be worth dividing by.
 */
const MIN_BASELINE_REQUESTS = 20_000;
const LABELS: Record<BenchDatabase, string> = { sqlite: 'SQLite', mariadb: 'MariaDB' };
/** A student answered 429/503 tries again after Retry-After, this many times at most. */
const MAX_RETRIES = 30;
/** Sockets the open-loop client may hold: enough that requests wait in the server, not in the client. */
const OVERLOAD_SOCKETS = 1000;
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

function sameOutcomes(actual: Record<string, number>, expected: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) if ((actual[key] ?? 0) !== (expected[key] ?? 0)) return false;
  return true;
}

function outcomeCheck(name: string, actual: Record<string, number>, expected: Record<string, number>): Check {
  const ok = sameOutcomes(actual, expected);
  return {
    name,
    ok,
    detail: ok
      ? formatOutcomes(actual)
      : `expected ${formatOutcomes(expected)}, got ${formatOutcomes(actual) || 'nothing'}`,
  };
}

/** Seats counter, enrollment rows and capacity of the given sections, read straight from the database. */
async function seatState(db: Db, sectionIds: number[]) {
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'taken', 'capacity'])
    .where('id', 'in', sectionIds)
    .execute();
  const counts = await db
    .selectFrom('enrollments')
    .select(['section_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('section_id', 'in', sectionIds)
    .groupBy('section_id')
    .execute();
  const rows = new Map(counts.map((c) => [c.section_id, Number(c.n)]));
  return {
    taken: sections.reduce((sum, s) => sum + Number(s.taken), 0),
    rows: sections.reduce((sum, s) => sum + (rows.get(s.id) ?? 0), 0),
    overCapacity: sections.filter((s) => Number(s.taken) > Number(s.capacity)).length,
    counterMismatch: sections.filter((s) => Number(s.taken) !== (rows.get(s.id) ?? 0)).length,
  };
}

async function seatCheck(db: Db, name: string, sectionIds: number[], expected: number): Promise<Check> {
  const s = await seatState(db, sectionIds);
  const ok = s.taken === expected && s.rows === expected && s.overCapacity === 0 && s.counterMismatch === 0;
  return {
    name,
    ok,
    detail:
      `sections.taken ${s.taken}, enrollments ${s.rows}, expected ${expected}` +
      (s.overCapacity > 0 ? `, ${s.overCapacity} section(s) over capacity` : '') +
      (s.counterMismatch > 0 ? `, ${s.counterMismatch} section(s) whose counter differs from its rows` : ''),
  };
}

interface Clients {
  load: LoadGenerator;
  flow: FlowClient;
}

/** The server processes under test, measured together over one scenario. */
function measureAll(servers: ServerProcess[]) {
  const windows = servers.map((s) => s.measure());
  return () => {
    const usage = windows.map((w) => w.end());
    return {
      processes: servers.length,
      peakRssMiB: Math.max(0, ...usage.map((u) => u.peakRssMiB)),
      cpuSeconds: usage.reduce((sum, u) => sum + u.cpuSeconds, 0),
      cpuCores: usage.reduce((sum, u) => sum + u.cpuCores, 0),
    };
  };
}

async function runLoad(
  clients: Clients,
  servers: ServerProcess[],
  label: string,
  spec: LoadSpec,
): Promise<Omit<ScenarioReport, 'ratioToBaseline'>> {
  const bar = progress(`${label}: ${spec.scenario}`, spec.amount);
  const done = measureAll(servers);
  try {
    const result = await clients.load.run(spec, (n) => bar.update(n));
    return {
      ...result,
      method: spec.method,
      path: spec.path,
      authenticated: spec.tokens !== undefined,
      server: done(),
    };
  } finally {
    bar.stop();
  }
}

async function runFlow(
  clients: Clients,
  servers: ServerProcess[],
  label: string,
  spec: FlowSpec,
  expectedRequests: number,
): Promise<Omit<ScenarioReport, 'ratioToBaseline'>> {
  const bar = progress(`${label}: ${spec.scenario}`, expectedRequests);
  const done = measureAll(servers);
  try {
    const result = await clients.flow.run(spec, (n) => bar.update(Math.min(n, expectedRequests)));
    return {
      ...result,
      method: 'POST',
      path: '/sugang/api/enrollments',
      authenticated: true,
      server: done(),
    };
  } finally {
    bar.stop();
  }
}

/** Server errors: any 5xx except a 503 that says when to come back (that one is load shedding). */
function serverErrors(outcomes: Record<string, number>): number {
  return Object.entries(outcomes)
    .filter(([key]) => /^5\d\d/.test(key) && !(key.startsWith('503') && !key.includes('no Retry-After')))
    .reduce((sum, [, n]) => sum + n, 0);
}

function count(outcomes: Record<string, number>, key: string): number {
  return outcomes[key] ?? 0;
}

function noServerErrors(name: string, outcomes: Record<string, number>): Check {
  const n = serverErrors(outcomes);
  return {
    name: `${name}: 0 server errors (5xx other than a 503 with Retry-After)`,
    ok: n === 0,
    detail: `${n}`,
  };
}

async function benchDatabase(
  kind: BenchDatabase,
  options: BenchOptions,
  clients: Clients,
  cleanup: Cleanup,
): Promise<DatabaseReport> {
  const label = LABELS[kind];
  const started = performance.now();
  const config = testConfig({ rateLimit: false, logLevel: 'silent' });
  const bench = await openBenchDatabase(kind, cleanup, config.dbPoolSize);
  const { db } = bench.karina;
  const want = options.scenarios;
  const n = options.students;
  const hotStudents = want.has('hot') ? options.hotStudents : 0;
  const fullRequests = want.has('full') ? options.requests : 0;
  // Everyone registers in several scenarios (no meetings overlap), but `full` needs students the
  // hot race did not seat: those after the hot students.
  const students = Math.max(n, options.requests, hotStudents + fullRequests);

  const seeding = progress(`${label}: seeding`, students);
  let seeded: ScenarioSeed;
  try {
    seeded = await seedScenarios(db, {
      students,
      opening: want.has('opening') ? n : 0,
      uncontended: options.requests,
      hotCapacity: options.capacity,
      now: Date.now(),
      sessionTtlMs: config.sessionTtlMs,
      concurrency: kind === 'mariadb' ? 16 : 1,
      onProgress: (_phase, done, total) => seeding.update(done, total),
    });
  } finally {
    seeding.stop();
  }
  const setupSeconds = (performance.now() - started) / 1000;
  const { tokens } = seeded;
  const checks: Check[] = [];
  const scenarios: Omit<ScenarioReport, 'ratioToBaseline'>[] = [];

  const warmUp = async (servers: ServerProcess[], origin: string) => {
    // Warm-up (not reported): JIT and statement caches. With less, the first baseline of a run came
    // out 10-50% below the last one.
    await runLoad(clients, servers, label, {
      ...common(origin, MIN_BASELINE_REQUESTS),
      scenario: 'warm-up time',
      method: 'GET',
      path: '/sugang/api/time',
    });
    await runLoad(clients, servers, label, {
      ...common(origin, 1000),
      scenario: 'warm-up catalog',
      method: 'GET',
      path: '/sugang/api/sections?page=1',
      tokens,
    });
    // Every student has the registration page open before the opening, as they do at 09:59: the
    // page has loaded their own enrollments, so the server has seen each session once.
    await runLoad(clients, servers, label, {
      ...common(origin, tokens.length),
      scenario: 'warm-up sessions',
      method: 'GET',
      path: '/sugang/api/enrollments',
      tokens,
    });
  };
  const common = (origin: string, amount: number) => ({
    origin,
    connections: options.connections,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    amount,
  });
  const baselineSpec = (origin: string, scenario: string): LoadSpec => ({
    ...common(origin, Math.max(n, MIN_BASELINE_REQUESTS)),
    scenario,
    method: 'GET',
    path: '/sugang/api/time',
  });
  const uncontendedSpec = (origin: string, scenario: string, set: 0 | 1): LoadSpec => ({
    ...common(origin, options.requests),
    scenario,
    method: 'POST',
    path: '/sugang/api/enrollments',
    tokens: tokens.slice(0, options.requests),
    bodies: tokens
      .slice(0, options.requests)
      .map((_, i) => JSON.stringify({ sectionId: seeded.spreadSectionIds[set][i % SPREAD_SECTIONS] })),
  });
  const hotSpec = (origin: string, scenario: string, set: 0 | 1): FlowSpec => ({
    kind: 'burst',
    scenario,
    origin,
    connections: options.connections,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    tokens: tokens.slice(0, hotStudents),
    maxRetries: MAX_RETRIES,
    sectionIds: [seeded.hotSectionIds[set]],
  });
  const checkUncontended = async (name: string, r: { outcomes: Record<string, number> }, set: 0 | 1) => {
    checks.push(outcomeCheck(`${name}: every request 201`, r.outcomes, { '201': options.requests }));
    checks.push(
      await seatCheck(
        db,
        `${name}: sum(taken) == count(enrollments) == requests, none over capacity`,
        seeded.spreadSectionIds[set],
        options.requests,
      ),
    );
  };
  const checkHot = async (name: string, r: Omit<ScenarioReport, 'ratioToBaseline'>, set: 0 | 1) => {
    const won = Math.min(options.capacity, hotStudents);
    checks.push(
      outcomeCheck(
        `${name}: ${won} × 201 and ${hotStudents - won} × 409 SECTION_FULL`,
        r.finalOutcomes ?? {},
        hotStudents - won > 0 ? { '201': won, '409 SECTION_FULL': hotStudents - won } : { '201': won },
      ),
    );
    checks.push(noServerErrors(name, r.outcomes));
    checks.push(
      await seatCheck(
        db,
        `${name}: sections.taken == count(enrollments) == capacity`,
        [seeded.hotSectionIds[set]],
        won,
      ),
    );
  };

  // One process, waiting room off: the registration path itself.
  const single = await startServerProcess({ dbUrl: bench.url, queue: 'off' }, cleanup);
  await warmUp([single], single.origin);
  const one = [single];
  const baseline = await runLoad(clients, one, label, baselineSpec(single.origin, 'baseline'));
  scenarios.push(baseline);
  checks.push(outcomeCheck('baseline: every request 200', baseline.outcomes, { '200': baseline.built }));
  if (want.has('catalog')) {
    const r = await runLoad(clients, one, label, {
      ...common(single.origin, options.requests),
      scenario: 'catalog',
      method: 'GET',
      path: '/sugang/api/sections?page=1',
      tokens,
    });
    scenarios.push(r);
    checks.push(outcomeCheck('catalog: every request 200', r.outcomes, { '200': options.requests }));
  }
  let uncontendedRate = 0;
  if (want.has('uncontended')) {
    const r = await runLoad(clients, one, label, uncontendedSpec(single.origin, 'uncontended', 0));
    uncontendedRate = r.requestsPerSecond;
    scenarios.push(r);
    await checkUncontended('uncontended', r, 0);
  }
  if (want.has('hot')) {
    const r = await runFlow(clients, one, label, hotSpec(single.origin, 'hot', 0), hotStudents);
    scenarios.push(r);
    await checkHot('hot', r, 0);
  }
  if (want.has('full')) {
    // Refusals answer almost as fast as the baseline, so, like it, they get enough requests to
    // last more than a second: the refused students click again (as they do), each in turn.
    const fullAmount = Math.max(fullRequests, MIN_BASELINE_REQUESTS);
    const r = await runLoad(clients, one, label, {
      ...common(single.origin, fullAmount),
      scenario: 'full',
      method: 'POST',
      path: '/sugang/api/enrollments',
      tokens: tokens.slice(hotStudents, hotStudents + fullRequests),
      bodies: [JSON.stringify({ sectionId: seeded.hotSectionIds[0] })],
    });
    scenarios.push(r);
    checks.push(
      outcomeCheck('full: every request 409 SECTION_FULL', r.outcomes, { '409 SECTION_FULL': fullAmount }),
    );
    checks.push(
      await seatCheck(
        db,
        'full: the hot section still holds exactly capacity',
        [seeded.hotSectionIds[0]],
        Math.min(options.capacity, hotStudents),
      ),
    );
  }
  if (want.has('overload') && uncontendedRate > 0) {
    const rate = Math.round(2 * uncontendedRate);
    const scheduled = rate * options.overloadSeconds;
    const r = await runFlow(
      clients,
      one,
      label,
      {
        kind: 'open-loop',
        scenario: 'overload',
        origin: single.origin,
        connections: OVERLOAD_SOCKETS,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        tokens,
        maxRetries: 0,
        rate,
        durationSeconds: options.overloadSeconds,
        sectionIds: seeded.overloadSectionIds,
      },
      scheduled,
    );
    scenarios.push(r);
    const created = count(r.outcomes, '201');
    const state = await seatState(db, seeded.overloadSectionIds);
    // A request the client gave up on may still have committed: rows may exceed the 201s by that many.
    const ok =
      state.overCapacity === 0 &&
      state.counterMismatch === 0 &&
      state.rows >= created &&
      state.rows <= created + r.errors;
    checks.push({
      name: 'overload: count(enrollments) == 201s (+ at most the requests given up on), counters equal rows',
      ok,
      detail: `201 ×${created}, no answer ×${r.errors}, enrollments ${state.rows}, sections.taken ${state.taken}`,
    });
    checks.push(noServerErrors('overload', r.outcomes));
  }
  const again = await runLoad(clients, one, label, baselineSpec(single.origin, 'baseline again'));
  scenarios.push(again);
  checks.push(outcomeCheck('baseline again: every request 200', again.outcomes, { '200': again.built }));
  await single.stop();

  // The opening: a fresh process with the waiting room on, as it would be at 10:00:00.
  if (want.has('opening')) {
    const server = await startServerProcess({ dbUrl: bench.url, queue: 'on' }, cleanup);
    await warmUp([server], server.origin);
    const expected = n * OPENING_SLOTS;
    const r = await runFlow(
      clients,
      [server],
      label,
      {
        kind: 'opening',
        scenario: 'opening',
        origin: server.origin,
        connections: options.connections,
        timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        tokens: tokens.slice(0, n),
        maxRetries: MAX_RETRIES,
        carts: seeded.carts,
      },
      expected,
    );
    r.server = { ...(r.server ?? { processes: 1, cpuSeconds: 0, cpuCores: 0, peakRssMiB: 0 }) };
    r.server.peakRssMiB = Math.max(r.server.peakRssMiB, server.lifetimePeakRssMiB());
    scenarios.push(r);
    await server.stop();
    const finals = r.finalOutcomes ?? {};
    const answered = Object.values(finals).reduce((a, b) => a + b, 0);
    checks.push({
      name: `opening: every student × section (${n} × ${OPENING_SLOTS}) has a definite outcome (201 or 409)`,
      ok: answered === expected && (r.indefinite ?? 1) === 0,
      detail: `${formatOutcomes(finals)}; indefinite ×${r.indefinite ?? '?'}`,
    });
    checks.push(noServerErrors('opening', r.outcomes));
    const sectionIds = seeded.openingSlots.flat();
    const state = await seatState(db, sectionIds);
    const created = count(finals, '201');
    // A registration that committed but whose answer timed out is retried and then answers
    // ALREADY_ENROLLED (each cart names a section once, so nothing else gives that code here).
    const committedUnseen = count(finals, '409 ALREADY_ENROLLED');
    checks.push({
      name: 'opening: no seat over capacity, counters equal rows, rows == 201s (+ retried ALREADY_ENROLLED)',
      ok:
        state.overCapacity === 0 &&
        state.counterMismatch === 0 &&
        committedUnseen <= r.errors &&
        state.rows === created + committedUnseen &&
        state.taken === state.rows,
      detail:
        `201 ×${created}, ALREADY_ENROLLED after a lost answer ×${committedUnseen} (of ${r.errors} lost), ` +
        `enrollments ${state.rows}, sections.taken ${state.taken}, over capacity ${state.overCapacity}`,
    });
  }

  // Two registration processes behind haproxy, sharing this MariaDB and a private Redis.
  if (want.has('processes') && kind === 'mariadb') {
    if (!haproxyInstalled()) {
      checks.push({ name: 'processes: haproxy installed', ok: false, detail: 'apt-get install haproxy' });
    } else {
      const redis = await startPrivateRedis();
      cleanup.add('stop private redis-server', () => redis.stop());
      const servers = [
        await startServerProcess(
          { dbUrl: bench.url, redisUrl: redis.url, service: 'sugang', queue: 'off' },
          cleanup,
        ),
        await startServerProcess(
          { dbUrl: bench.url, redisUrl: redis.url, service: 'sugang', queue: 'off' },
          cleanup,
        ),
      ];
      const proxy = await startHaproxy(
        servers.map((s, i) => ({ name: `sugang${i + 1}`, address: `127.0.0.1:${s.port}` })),
      );
      cleanup.add('stop haproxy', () => proxy.stop());
      await warmUp(servers, proxy.url);
      const before = await proxy.served();
      const b = await runLoad(clients, servers, label, baselineSpec(proxy.url, 'processes: baseline'));
      scenarios.push(b);
      checks.push(outcomeCheck('processes: baseline: every request 200', b.outcomes, { '200': b.built }));
      const u = await runLoad(
        clients,
        servers,
        label,
        uncontendedSpec(proxy.url, 'processes: uncontended', 1),
      );
      scenarios.push(u);
      await checkUncontended('processes: uncontended', u, 1);
      const h = await runFlow(clients, servers, label, hotSpec(proxy.url, 'processes: hot', 1), hotStudents);
      scenarios.push(h);
      if (want.has('hot')) await checkHot('processes: hot', h, 1);
      const after = await proxy.served();
      const served = Object.fromEntries(
        Object.entries(after).map(([name, total]) => [name, total - (before[name] ?? 0)]),
      );
      h.served = served;
      u.served = served;
      checks.push({
        name: 'processes: both backends served requests',
        ok: Object.keys(served).length === 2 && Object.values(served).every((v) => v > 0),
        detail: Object.entries(served)
          .map(([name, v]) => `${name} ×${v}`)
          .join(', '),
      });
      await proxy.stop();
      for (const s of servers) await s.stop();
      await redis.stop();
    }
  }

  for (const s of scenarios) {
    if (s.kind === undefined && (s.built !== s.requests || s.errors > 0)) {
      checks.push({
        name: `${s.scenario}: one response per request, no transport errors`,
        ok: false,
        detail: `built ${s.built}, responses ${s.requests}, errors ${s.errors} (timeouts ${s.timeouts})`,
      });
    }
  }
  const floor = baseline.requestsPerSecond;
  const processesFloor =
    scenarios.find((s) => s.scenario === 'processes: baseline')?.requestsPerSecond ?? floor;
  return {
    database: kind,
    engine: bench.engine,
    setupSeconds,
    sections: seeded.sections,
    baselineDrift: floor > 0 ? again.requestsPerSecond / floor - 1 : 0,
    scenarios: scenarios.map((s) => {
      // Hot and opening: students per second (each a flow), so a ratio to requests/s would mislead less as rates.
      const base = s.scenario.startsWith('processes:') ? processesFloor : floor;
      return { ...s, ratioToBaseline: base > 0 ? s.requestsPerSecond / base : 0 };
    }),
    checks,
  };
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cleanup = new Cleanup();
  cleanup.exitOnSignals();
  const startedAt = performance.now();
  try {
    const clients = { load: startLoadGenerator(cleanup), flow: startFlowClient(cleanup) };
    const command = reproduceCommand(argv);
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      memoryGb: Math.round(totalmem() / 2 ** 30),
    };
    process.stdout.write(
      `Opening second: ${options.students} students in the opening, ${options.hotStudents} on a hot ` +
        `section of ${options.capacity} seats, ${options.requests} requests per uncontended run (students in full), ` +
        `${options.connections} connections; scenarios ${[...options.scenarios].join(', ')}; ` +
        `${machine.cpus} CPUs, Node ${machine.node}.\n` +
        `The clients run on the same machine and share its CPUs with the server (and mariadbd).\n` +
        `Reproduce: ${command}\n`,
    );
    const results: DatabaseReport[] = [];
    for (const kind of options.databases) {
      // Each database gets its own server and data, all gone before the next one starts.
      const local = new Cleanup();
      cleanup.add(`${kind} run`, () => local.run());
      try {
        const report = await benchDatabase(kind, options, clients, local);
        results.push(report);
        process.stdout.write(
          `\n## ${LABELS[kind]} (${report.engine}), setup ${report.setupSeconds.toFixed(1)} s\n\n` +
            `${formatDatabaseReport(report)}\n`,
        );
      } finally {
        await local.run();
      }
    }
    const ok = results.every((r) => r.checks.every((c) => c.ok));
    const report: BenchReport = {
      benchmark: 'opening-second',
      date: new Date().toISOString(),
      command,
      totalSeconds: (performance.now() - startedAt) / 1000,
      options: {
        students: options.students,
        hotStudents: options.hotStudents,
        requests: options.requests,
        capacity: options.capacity,
        connections: options.connections,
        overloadSeconds: options.overloadSeconds,
        scenarios: [...options.scenarios],
        databases: options.databases,
      },
      machine,
      note:
        'The load generators (autocannon and the flow client, each in a child process) share the CPUs ' +
        'with the server under test (karina serve, a child process) and mariadbd.',
      ok,
      results,
    };
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`\nJSON written to ${options.json}\n`);
    }
    mkdirSync(RESULTS_DIR, { recursive: true });
    const written = writeResults(report, RESULTS_DIR, options.writeDocs ? 'performance' : 'last-run');
    // The 30,000-student opening is a run of its own: it keeps its own record for the docs.
    if (options.scenarios.has('opening') && options.students === LARGE_OPENING_STUDENTS && report.ok) {
      written.push(...writeResults(report, RESULTS_DIR, LARGE_OPENING_NAME));
    }
    process.stdout.write(`\nResults: ${written.join(', ')}\n`);
    if (options.writeDocs) process.stdout.write(`Docs: ${writeDocs(report)}\n`);
    process.stdout.write(`Whole run: ${(report.totalSeconds / 60).toFixed(1)} min.\n`);
    process.stdout.write(
      ok ? '\nOK: every seat count and outcome is as expected.\n' : '\nFAIL: see checks above.\n',
    );
    return ok ? 0 : 1;
  } finally {
    await cleanup.run();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `FAIL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
