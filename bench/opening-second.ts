/**
 * The opening second (수강신청 오픈) benchmark: see bench/README.md. Run with `npm run bench`.
 * Not a test: it measures, prints a table per database with every figure next to the baseline
 * measured in the same run, and exits 1 only when a seat count or an outcome is wrong.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/server/src/app.js';
import { testConfig } from '../apps/server/src/config.js';
import type { Db } from '../apps/server/src/platform/transactions.js';
import { Cleanup } from './lib/cleanup.js';
import { openBenchDatabase } from './lib/databases.js';
import { startLoadGenerator } from './lib/load-client.js';
import type { LoadGenerator } from './lib/load-client.js';
import { USAGE, UsageError, parseBenchOptions, reproduceCommand } from './lib/options.js';
import type { BenchDatabase, BenchOptions } from './lib/options.js';
import { progress } from './lib/progress.js';
import type { LoadSpec } from './lib/protocol.js';
import { formatDatabaseReport, formatOutcomes } from './lib/report.js';
import type { BenchReport, Check, DatabaseReport, ScenarioReport } from './lib/report.js';
import { seedOpeningSecond } from './lib/seed.js';

const REQUEST_TIMEOUT_SECONDS = 30;
/**
 * The baseline answers an order of magnitude faster than anything touching the database, so N
 * requests of it last a fraction of a second; it gets at least this many to be worth dividing by.
 */
const MIN_BASELINE_REQUESTS = 20_000;
const LABELS: Record<BenchDatabase, string> = { sqlite: 'SQLite', mariadb: 'MariaDB' };

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

async function runScenario(load: LoadGenerator, label: string, spec: LoadSpec) {
  const bar = progress(`${label}: ${spec.scenario}`, spec.amount);
  try {
    return await load.run(spec, (done) => bar.update(done));
  } finally {
    bar.stop();
  }
}

async function benchDatabase(
  kind: BenchDatabase,
  options: BenchOptions,
  load: LoadGenerator,
  cleanup: Cleanup,
): Promise<DatabaseReport> {
  const label = LABELS[kind];
  const started = performance.now();
  const config = testConfig({ rateLimit: false, logLevel: 'silent' });
  const bench = await openBenchDatabase(kind, cleanup, config.dbPoolSize);
  const { db, dialect } = bench.karina;

  const seeding = progress(`${label}: seeding`, options.students);
  let seeded;
  try {
    seeded = await seedOpeningSecond(db, {
      students: options.students,
      capacity: options.capacity,
      now: Date.now(),
      sessionTtlMs: config.sessionTtlMs,
      concurrency: dialect === 'mysql' ? 16 : 1,
      onProgress: (_phase, done, total) => seeding.update(done, total),
    });
  } finally {
    seeding.stop();
  }

  const app = await buildApp(config, { db, dialect });
  cleanup.add(`close ${label} server`, () => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const setupSeconds = (performance.now() - started) / 1000;

  const n = options.students;
  const base = {
    origin,
    connections: options.connections,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    amount: n,
  };
  const time: Omit<LoadSpec, 'scenario'> = { ...base, method: 'GET', path: '/sugang/api/time' };
  const catalog: Omit<LoadSpec, 'scenario'> = {
    ...base,
    method: 'GET',
    path: '/sugang/api/sections?page=1',
    tokens: seeded.tokens,
  };
  // Warm-up (not reported): JIT and SQL statement caches in the server and the load generator. With
  // less, the first baseline of a run came out 10-50% below the last one.
  const baselineAmount = Math.max(n, MIN_BASELINE_REQUESTS);
  await runScenario(load, label, { ...time, scenario: 'warm-up time', amount: baselineAmount });
  await runScenario(load, label, { ...catalog, scenario: 'warm-up catalog', amount: Math.min(n, 1000) });

  const specs: LoadSpec[] = [
    { ...time, scenario: 'baseline', amount: baselineAmount },
    { ...catalog, scenario: 'catalog' },
    {
      ...base,
      scenario: 'opening second',
      method: 'POST',
      path: '/sugang/api/enrollments',
      tokens: seeded.tokens,
      bodies: [JSON.stringify({ sectionId: seeded.hotSectionId })],
    },
    {
      ...base,
      scenario: 'spread registration',
      method: 'POST',
      path: '/sugang/api/enrollments',
      tokens: seeded.tokens,
      bodies: seeded.tokens.map((_, i) =>
        JSON.stringify({ sectionId: seeded.spreadSectionIds[i % seeded.spreadSectionIds.length] }),
      ),
    },
    // The floor again: how far it moved during the run says how much to trust small differences.
    { ...time, scenario: 'baseline again', amount: baselineAmount },
  ];
  const results = [];
  for (const spec of specs) results.push({ spec, result: await runScenario(load, label, spec) });

  const baseline = results[0]?.result.requestsPerSecond ?? 0;
  const again = results.at(-1)?.result.requestsPerSecond ?? 0;
  const scenarios: ScenarioReport[] = results.map(({ spec, result }) => ({
    ...result,
    method: spec.method,
    path: spec.path,
    authenticated: spec.tokens !== undefined,
    ratioToBaseline: baseline > 0 ? result.requestsPerSecond / baseline : 0,
  }));

  const won = Math.min(options.capacity, n);
  const outcomesOf = (name: string) => scenarios.find((s) => s.scenario === name)?.outcomes ?? {};
  const checks: Check[] = [
    outcomeCheck('baseline: every request 200', outcomesOf('baseline'), { '200': baselineAmount }),
    outcomeCheck('catalog: every request 200', outcomesOf('catalog'), { '200': n }),
    outcomeCheck(
      `opening second: ${won} × 201 and ${n - won} × 409 SECTION_FULL`,
      outcomesOf('opening second'),
      n - won > 0 ? { '201': won, '409 SECTION_FULL': n - won } : { '201': won },
    ),
    await seatCheck(db, 'hot section: sections.taken == count(enrollments) == C', [seeded.hotSectionId], won),
    outcomeCheck('spread registration: every request 201', outcomesOf('spread registration'), { '201': n }),
    await seatCheck(
      db,
      'spread sections: sum(taken) == count(enrollments) == N, none over capacity',
      seeded.spreadSectionIds,
      n,
    ),
    outcomeCheck('baseline again: every request 200', outcomesOf('baseline again'), {
      '200': baselineAmount,
    }),
  ];
  for (const s of scenarios) {
    if (s.built !== s.requests || s.errors > 0) {
      checks.push({
        name: `${s.scenario}: one response per request, no transport errors`,
        ok: false,
        detail: `built ${s.built}, responses ${s.requests}, errors ${s.errors} (timeouts ${s.timeouts})`,
      });
    }
  }
  return {
    database: kind,
    engine: bench.engine,
    setupSeconds,
    sections: seeded.sections,
    baselineDrift: baseline > 0 ? again / baseline - 1 : 0,
    scenarios,
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
  try {
    const load = startLoadGenerator(cleanup);
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
      `Opening second: ${options.students} students, hot section of ${options.capacity} seats, ` +
        `${options.connections} connections; ${machine.cpus} CPUs, Node ${machine.node}.\n` +
        `The load generator runs on the same machine and shares its CPUs with the server.\n` +
        `Reproduce: ${command}\n`,
    );
    const results: DatabaseReport[] = [];
    for (const kind of options.databases) {
      // Each database gets its own server and data, all gone before the next one starts.
      const local = new Cleanup();
      cleanup.add(`${kind} run`, () => local.run());
      try {
        const report = await benchDatabase(kind, options, load, local);
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
      options: {
        students: options.students,
        capacity: options.capacity,
        connections: options.connections,
        databases: options.databases,
      },
      machine,
      note: 'The load generator (autocannon, in a child process) shares the CPUs with the server under test.',
      ok,
      results,
    };
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`\nJSON written to ${options.json}\n`);
    }
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
