import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { assertWorkersCanShare, nextRestartDelay, parseWorkers } from '../../src/cli/serve-workers.js';
import { testConfig } from '../../src/config.js';
import { createTestDatabaseUrl } from '../support/databases.js';
import { freePort } from '../support/services.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const mariadbUrl = inject('mariadbUrl');
const redisUrl = inject('redisUrl');

describe('karina serve --workers, the rules', () => {
  it('when --workers is 0 or auto, there is one worker per core; a number from 1 to 256 is taken as is; anything else is refused', () => {
    expect(parseWorkers('auto')).toBe(availableParallelism());
    expect(parseWorkers('0')).toBe(availableParallelism());
    expect(parseWorkers('3')).toBe(3);
    for (const bad of ['-1', '257', '2.5', 'two', ''])
      expect(() => parseWorkers(bad), bad).toThrow(/--workers/);
  });

  it('when several workers would serve sugang without Redis, startup is refused with a clear error; the student role, one worker or Redis are fine', () => {
    expect(() => assertWorkersCanShare(testConfig({ service: 'all', redisUrl: undefined }), 2)).toThrow(
      /KARINA_REDIS_URL/,
    );
    expect(() => assertWorkersCanShare(testConfig({ service: 'sugang', redisUrl: undefined }), 2)).toThrow(
      /KARINA_REDIS_URL/,
    );
    expect(() =>
      assertWorkersCanShare(testConfig({ service: 'student', redisUrl: undefined }), 2),
    ).not.toThrow();
    expect(() => assertWorkersCanShare(testConfig({ service: 'all', redisUrl: undefined }), 1)).not.toThrow();
    expect(() =>
      assertWorkersCanShare(testConfig({ service: 'all', redisUrl: 'redis://x:6379' }), 4),
    ).not.toThrow();
  });

  it('when workers keep dying young, each restart waits twice as long, up to 30 s; one that lived 10 s starts the back-off afresh', () => {
    expect(nextRestartDelay(0, 100)).toBe(250);
    expect(nextRestartDelay(250, 100)).toBe(500);
    expect(nextRestartDelay(16_000, 100)).toBe(30_000);
    expect(nextRestartDelay(30_000, 100)).toBe(30_000);
    expect(nextRestartDelay(8_000, 10_000)).toBe(250);
  });
});

interface Running {
  out: () => string;
  err: () => string;
  kill: (signal: NodeJS.Signals) => void;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, args: string[]): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.check.json'),
      HOST: '127.0.0.1',
      KARINA_LOG_LEVEL: 'warn',
      KARINA_SHUTDOWN_DRAIN_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    out: () => out,
    err: () => err,
    kill: (signal) => child.kill(signal),
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

async function waitFor(running: Running, test: (out: string) => boolean, what: string): Promise<void> {
  // A bound on waiting for the process, not an assertion about its speed.
  const deadline = Date.now() + 90_000;
  while (!test(running.out())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen:\n${running.out()}\n${running.err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workerPids(out: string): string[] {
  return [...out.matchAll(/karina: worker (\d+) listening/g)].map((m) => m[1] ?? '');
}

describe.skipIf(!mariadbUrl || !redisUrl)('karina serve --workers 2 as a process (MariaDB, Redis)', () => {
  it('when started with 2 workers, the primary seeds once, two worker processes serve one port, a student logs in and registers, a killed worker is replaced, and SIGTERM stops everything with exit 0', async () => {
    const port = await freePort();
    const running = start(
      {
        PORT: String(port),
        KARINA_DB_URL: await createTestDatabaseUrl('mysql'),
        KARINA_REDIS_URL: redisUrl ?? '',
        KARINA_DEMO: 'on',
        KARINA_ADMIN_PASSWORD: 'workers-test-pass-2026',
      },
      ['serve', '--workers', '2'],
    );
    try {
      await waitFor(
        running,
        (out) => out.includes(`service on http://127.0.0.1:${port} with 2 worker(s)`),
        'start',
      );
      const out = running.out();
      expect(out.match(/demo university seeded/g), 'seeded by the primary alone').toHaveLength(1);
      const pids = workerPids(out);
      expect(new Set(pids).size).toBe(2);
      expect(out).toMatch(/karina: primary \d+ starting 2 worker\(s\)/);

      const base = `http://127.0.0.1:${port}`;
      const studentNo = /e\.g\. ([0-9]{7})/.exec(out)?.[1];
      const login = await fetch(`${base}/student/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: studentNo, password: 'karina-demo-2026' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const catalog = await fetch(`${base}/sugang/api/sections?pageSize=100`, { headers: auth });
      expect(catalog.status).toBe(200);
      const { items } = (await catalog.json()) as { items: { id: number }[] };
      let registered: number | undefined;
      for (const section of items) {
        const res = await fetch(`${base}/sugang/api/enrollments`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ sectionId: section.id }),
        });
        expect(res.status, 'no server error').toBeLessThan(500);
        if (res.status === 201) {
          registered = section.id;
          break;
        }
      }
      expect(registered, 'some section of the demo took the registration').toBeDefined();
      // Several requests over fresh connections, so both workers serve this student's session.
      for (let i = 0; i < 6; i++) {
        const mine = await fetch(`${base}/sugang/api/enrollments`, {
          headers: { ...auth, connection: 'close' },
        });
        expect(mine.status).toBe(200);
        const body = (await mine.json()) as { items: { sectionId: number }[] };
        expect(body.items.map((e) => e.sectionId)).toContain(registered);
      }

      process.kill(Number(pids[0]), 'SIGKILL');
      await waitFor(running, (o) => workerPids(o).length >= 3, 'a replacement worker');
      expect(running.err()).toMatch(new RegExp(`worker ${pids[0]} exited \\(SIGKILL\\)`));
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      running.kill('SIGTERM');
    }
    expect(await running.exited).toBe(0);
    expect(running.out()).toMatch(/SIGTERM: stopping 2 worker\(s\) gracefully/);
  });

  it('when 2 workers would serve sugang without KARINA_REDIS_URL, it refuses to start and says why', async () => {
    const running = start(
      { PORT: String(await freePort()), KARINA_DB_URL: await createTestDatabaseUrl('mysql') },
      ['serve', '--workers', '2'],
    );
    expect(await running.exited).toBe(1);
    expect(running.err()).toMatch(/--workers 2 with KARINA_SERVICE=all needs KARINA_REDIS_URL/);
  });
});
