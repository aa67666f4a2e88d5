import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, inject, it } from 'vitest';
import { haproxyInstalled } from '../support/haproxy.js';
import { freePort, servicesRequired, waitForExit } from '../support/services.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ServerChild {
  port: number;
  origin: string;
  /** SIGTERM, then waits (killing it after 10 s more than the shutdown may take). */
  stop(): Promise<void>;
  /** The exit code once it has exited (null: killed by a signal). */
  exitCode(): number | null;
  /** What it wrote to stdout and stderr (the first 20,000 characters). */
  stderr(): string;
}

/**
 * `karina serve` (the production entry point, through tsx) as a child process on a free loopback
 * port; resolves once /readyz answers 200.
 */
export async function startServerChild(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<ServerChild> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // The workspace package @karina/db from its sources, as vitest's alias does.
      TSX_TSCONFIG_PATH: `${ROOT}tsconfig.check.json`,
      HOST: '127.0.0.1',
      PORT: String(port),
      KARINA_RATE_LIMIT: 'off',
      KARINA_LOG_LEVEL: 'silent',
      // Stopped at once unless a test asks for the drain.
      KARINA_SHUTDOWN_DRAIN_MS: '0',
      // As testConfig(): a busy test machine lags (a freshly started child most), and 503 OVERLOADED
      // answers would be counted as failures; shedding has its own tests.
      KARINA_SHED_EVENT_LOOP_DELAY_MS: '0',
      KARINA_DEMO: 'off',
      KARINA_ADMIN_PASSWORD: 'Multi-Process-2026-test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams: pino writes its lines (KARINA_LOG_LEVEL) to stdout.
  let stderr = '';
  const collect = (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  };
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', collect);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', collect);
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 10_000 + Number(env.KARINA_SHUTDOWN_TIMEOUT_MS ?? 25_000));
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const r = await fetch(`${origin}/readyz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`karina serve did not become ready (exit ${child.exitCode})\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, stop, exitCode: () => child.exitCode, stderr: () => stderr };
}

/**
 * What a suite of several server processes behind haproxy (sharing MariaDB and Redis) still lacks.
 * When something is missing it says so loudly and the suite should skip, or, with
 * KARINA_REQUIRE_SERVICES=1, a failing test is registered instead.
 */
export function missingMultiProcessServices(suite: string): string[] {
  const missing = [
    haproxyInstalled() ? undefined : 'haproxy (apt-get install haproxy)',
    inject('mariadbUrl') ? undefined : 'mariadbd',
    inject('redisUrl') ? undefined : 'redis-server',
  ].filter((m): m is string => m !== undefined);
  if (missing.length === 0) return missing;
  const message = `${suite} needs ${missing.join(', ')}`;
  if (servicesRequired()) {
    describe(suite, () => {
      it('has its services', () => {
        throw new Error(`KARINA_REQUIRE_SERVICES=1 but ${message}`);
      });
    });
  } else {
    const bar = '!'.repeat(78);
    process.stderr.write(`\n${bar}\n!! SKIPPING: ${message}\n${bar}\n\n`);
  }
  return missing;
}
