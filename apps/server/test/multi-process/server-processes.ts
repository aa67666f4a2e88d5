import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, waitForExit } from '../support/services.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ServerChild {
  port: number;
  origin: string;
  stop(): Promise<void>;
}

/**
 * `karina serve` (the production entry point, through tsx) as a child process on a free loopback
 * port; resolves once /readyz answers 200.
 */
export async function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const port = await freePort();
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
      KARINA_DEMO: 'off',
      KARINA_ADMIN_PASSWORD: 'Multi-Process-2026-test',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 10_000);
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
  return { port, origin, stop };
}
