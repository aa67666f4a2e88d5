/**
 * What an anonymous client can cost the server with hostile bodies (issue 5, "no cheap denial of
 * service"): `npm run bench:abuse`. A prober times GET /sugang/api/time while three attackers post
 * 1 MiB of nested JSON brackets to an unknown path and to the login route; each figure is compared
 * with the same run's baseline (the prober alone). Not a test: it prints a table and JSON.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../packages/db/src/connect.js';
import { migrateToLatest } from '../packages/db/src/migrate.js';
import { buildApp } from '../apps/server/src/app.js';
import { testConfig } from '../apps/server/src/config.js';
import type { AbusePhase, PhaseResult } from './lib/abuse-client.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    attackers: { type: 'string', default: '3' },
    bytes: { type: 'string', default: String(1024 * 1024) },
    json: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const attackers = Number(values.attackers);
const bytes = Number(values.bytes);

const dir = mkdtempSync(join(tmpdir(), 'karina-abuse-'));
const karina = connectDatabase(`sqlite:${join(dir, 'karina.db')}`);
try {
  await migrateToLatest(karina.db, karina.dialect);
  // Production defaults where they matter here: rate limits on.
  const app = await buildApp(testConfig({ rateLimit: true }), { db: karina.db, dialect: karina.dialect });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const phase = (name: string, n: number, attackPath: string): AbusePhase => ({
    name,
    port,
    seconds,
    attackers: n,
    attackPath,
    attackBytes: bytes,
  });
  const phases = [
    phase('baseline (prober alone)', 0, '/'),
    phase('nested JSON to an unknown path', attackers, '/no/such/path'),
    phase('nested JSON to the login route', attackers, '/student/api/auth/login'),
  ];
  process.stderr.write(`edge-abuse: ${phases.length} phases of ${seconds} s each...\n`);
  const child = fork(fileURLToPath(new URL('./lib/abuse-client.ts', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const results = await new Promise<PhaseResult[]>((resolve, reject) => {
    child.once('message', (m: { results: PhaseResult[] }) => resolve(m.results));
    child.once('exit', (code) => reject(new Error(`abuse client exited with ${code}`)));
    child.send({ phases });
  });
  await app.close();
  const base = results[0];
  if (!base) throw new Error('no baseline');
  const rows = results.map((r) => ({
    phase: r.name,
    probes: r.probes,
    'p50 ms': r.p50Ms.toFixed(2),
    'p99 ms': r.p99Ms.toFixed(2),
    'max ms': r.maxMs.toFixed(1),
    'p99 / baseline': (r.p99Ms / base.p99Ms).toFixed(1),
    'attack requests': r.attacks,
    'attack statuses': Object.entries(r.attackStatuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' '),
  }));
  console.table(rows);
  const report = {
    command: `npm run bench:abuse -- --seconds ${seconds} --attackers ${attackers} --bytes ${bytes}`,
    machine: { cpus: cpus().length, node: process.version },
    results,
  };
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report));
} finally {
  await karina.close();
  rmSync(dir, { recursive: true, force: true });
}
