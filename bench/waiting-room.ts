/**
 * The cost of waiting: 10,000 students in the waiting room, each polling as the server tells it
 * (nextPollMs), with the queue held (KARINA_QUEUE_RATE=0) so nobody leaves. Three processes: this
 * one seeds and reports, a server child, a load-generator child. Reports the server process's CPU
 * over the polling window as a percentage of one core (target ≤ 25%). Run: `npm run bench:queue`
 * (`-- --students 10000 --seconds 20`). Not a test: it measures and prints a table and JSON.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../apps/server/src/app.js';
import { testConfig } from '../apps/server/src/config.js';
import { connectDatabase } from '../packages/db/src/connect.js';
import { migrateToLatest } from '../packages/db/src/migrate.js';
import { progress } from './lib/progress.js';
import { seedScenarios } from './lib/seed.js';

const SELF = fileURLToPath(import.meta.url);

type ToServer = { type: 'cpu' } | { type: 'stop' };
type FromServer =
  { type: 'listening'; port: number } | { type: 'cpu'; userUs: number; systemUs: number; at: number };
type ToLoad = { type: 'start'; origin: string; tokens: string[] } | { type: 'stop' };
type FromLoad =
  | { type: 'joined'; joined: number; outcomes: Record<string, number> }
  | { type: 'stats'; polls: number; outcomes: Record<string, number>; p50: number; p99: number; max: number };

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
}

function childArgs(role: string): { execArgv: string[]; args: string[] } {
  // node --import tsx, not the tsx wrapper: the pid measured is then the server itself.
  return { execArgv: ['--import', 'tsx'], args: [role] };
}

function once<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before "${type}"`));
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function serverRole(): Promise<void> {
  const dbUrl = process.env.BENCH_DB_URL ?? '';
  const config = testConfig({
    dbUrl,
    queue: 'on',
    queueRate: 0,
    rateLimit: false,
    logLevel: 'silent',
    maxConnections: 100_000,
  });
  const karina = connectDatabase(dbUrl, { poolSize: config.dbPoolSize });
  const app = await buildApp(config, { db: karina.db, dialect: karina.dialect });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'listening', port } satisfies FromServer);
  process.on('message', (message: ToServer) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({
        type: 'cpu',
        userUs: usage.user,
        systemUs: usage.system,
        at: performance.now(),
      } satisfies FromServer);
    } else {
      void app
        .close()
        .then(() => karina.close())
        .then(() => process.exit(0));
    }
  });
}

function loadRole(): void {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  let origin = new URL('http://127.0.0.1');
  let stopped = false;
  let polls = 0;
  let latencies: number[] = [];
  let outcomes: Record<string, number> = {};

  function call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: origin.hostname,
          port: origin.port,
          method,
          path,
          headers: { authorization: `Bearer ${token}` },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', () => resolve({ status: 0, body: '' }));
      req.end();
    });
  }

  async function client(token: string, joined: () => void): Promise<void> {
    const first = await call('POST', '/sugang/api/queue', token);
    outcomes[`POST ${first.status}`] = (outcomes[`POST ${first.status}`] ?? 0) + 1;
    joined();
    if (first.status !== 200) return;
    let status = JSON.parse(first.body) as { ticket: string; nextPollMs: number; admitted: boolean };
    while (!stopped && !status.admitted) {
      await new Promise((r) => setTimeout(r, status.nextPollMs));
      if (stopped) return;
      const started = performance.now();
      const r = await call('GET', `/sugang/api/queue/${status.ticket}`, token);
      latencies.push(performance.now() - started);
      polls++;
      outcomes[`GET ${r.status}`] = (outcomes[`GET ${r.status}`] ?? 0) + 1;
      if (r.status !== 200) return;
      status = JSON.parse(r.body) as typeof status;
    }
  }

  process.on('message', (message: ToLoad) => {
    if (message.type === 'stop') {
      stopped = true;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
      process.send?.({
        type: 'stats',
        polls,
        outcomes,
        p50: at(0.5),
        p99: at(0.99),
        max: sorted.at(-1) ?? 0,
      } satisfies FromLoad);
      agent.destroy();
      setTimeout(() => process.exit(0), 100);
      return;
    }
    origin = new URL(message.origin);
    let joined = 0;
    const total = message.tokens.length;
    const onJoined = () => {
      if (++joined === total) {
        process.send?.({ type: 'joined', joined, outcomes: { ...outcomes } } satisfies FromLoad);
        // Only the polling window counts from here.
        polls = 0;
        latencies = [];
        outcomes = {};
      }
    };
    // Students arrive over about two seconds, as a crowd does, not in one tick.
    message.tokens.forEach((token, i) => {
      setTimeout(() => void client(token, onJoined), Math.floor((i / total) * 2_000));
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const students = option(argv, 'students', 10_000);
  const seconds = option(argv, 'seconds', 20);
  const dir = mkdtempSync(join(tmpdir(), 'karina-bench-queue-'));
  const dbUrl = `sqlite:${join(dir, 'karina.db')}`;
  const children: ChildProcess[] = [];
  try {
    const karina = connectDatabase(dbUrl, { poolSize: 1 });
    await migrateToLatest(karina.db, karina.dialect);
    const seeding = progress('waiting room: seeding', students);
    // The waiting room only needs students with sessions and an open period; the scenario seed
    // brings both (its sections go unused here).
    const seeded = await seedScenarios(karina.db, {
      students,
      opening: Math.min(students, 100),
      uncontended: Math.min(students, 100),
      hotCapacity: 40,
      now: Date.now(),
      sessionTtlMs: 12 * 3_600_000,
      concurrency: 1,
      onProgress: (_phase, done, total) => seeding.update(done, total),
    });
    seeding.stop();
    await karina.close();

    const server = fork(SELF, childArgs('server').args, {
      execArgv: childArgs('server').execArgv,
      env: { ...process.env, BENCH_DB_URL: dbUrl },
    });
    children.push(server);
    const { port } = await once<{ port: number }>(server, 'listening');
    const load = fork(SELF, childArgs('load').args, { execArgv: childArgs('load').execArgv });
    children.push(load);

    const joinedAt = once<Extract<FromLoad, { type: 'joined' }>>(load, 'joined');
    load.send({ type: 'start', origin: `http://127.0.0.1:${port}`, tokens: seeded.tokens } satisfies ToLoad);
    const joined = await joinedAt;

    const cpu = async () => {
      const answer = once<Extract<FromServer, { type: 'cpu' }>>(server, 'cpu');
      server.send({ type: 'cpu' } satisfies ToServer);
      return answer;
    };
    const before = await cpu();
    const bar = progress(`waiting room: ${students} polling`, seconds);
    for (let s = 1; s <= seconds; s++) {
      await new Promise((r) => setTimeout(r, 1_000));
      bar.update(s);
    }
    bar.stop();
    const after = await cpu();
    const statsAt = once<Extract<FromLoad, { type: 'stats' }>>(load, 'stats');
    load.send({ type: 'stop' } satisfies ToLoad);
    const stats = await statsAt;

    const wallMs = after.at - before.at;
    const cpuMs = (after.userUs + after.systemUs - before.userUs - before.systemUs) / 1000;
    const percent = (cpuMs / wallMs) * 100;
    const report = {
      scenario: 'waiting-room-polling',
      command: `npm run bench:queue -- --students ${students} --seconds ${seconds}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
      students,
      joinOutcomes: joined.outcomes,
      windowSeconds: Math.round(wallMs / 100) / 10,
      polls: stats.polls,
      pollsPerSecond: Math.round((stats.polls / wallMs) * 1000),
      pollOutcomes: stats.outcomes,
      pollLatencyMs: { p50: round(stats.p50), p99: round(stats.p99), max: round(stats.max) },
      serverCpuPercentOfOneCore: round(percent),
      target: '≤ 25% of one core',
      met: percent <= 25,
    };
    console.log('');
    console.log('| measure | value |');
    console.log('| --- | --- |');
    console.log(`| waiting students | ${students} |`);
    console.log(`| polling window | ${report.windowSeconds} s |`);
    console.log(
      `| polls answered | ${stats.polls} (${report.pollsPerSecond}/s) ${JSON.stringify(stats.outcomes)} |`,
    );
    console.log(
      `| poll latency p50 / p99 / max | ${report.pollLatencyMs.p50} / ${report.pollLatencyMs.p99} / ${report.pollLatencyMs.max} ms |`,
    );
    console.log(
      `| server CPU | ${report.serverCpuPercentOfOneCore}% of one core (target ≤ 25%: ${report.met ? 'met' : 'not met'}) |`,
    );
    console.log('');
    console.log(JSON.stringify(report, null, 2));
    const results = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'waiting-room.json'), `${JSON.stringify(report, null, 2)}\n`);
    server.send({ type: 'stop' } satisfies ToServer);
    await new Promise((r) => server.once('exit', r));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const role = process.argv[2];
if (role === 'server') await serverRole();
else if (role === 'load') loadRole();
else await main(process.argv.slice(2));
