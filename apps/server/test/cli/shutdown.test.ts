import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../support/databases.js';
import { startServerChild } from '../multi-process/server-processes.js';

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 0;
  }
}

const exited = async (server: { exitCode(): number | null }, ms: number) => {
  const until = Date.now() + ms;
  while (server.exitCode() === null && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return server.exitCode();
};

describe('karina serve on SIGTERM', () => {
  it('is not ready at once, still serves through the drain, then exits 0', async () => {
    const server = await startServerChild({
      KARINA_DB_URL: await createTestDatabaseUrl('sqlite'),
      KARINA_SHUTDOWN_DRAIN_MS: '1500',
      KARINA_SHUTDOWN_TIMEOUT_MS: '10000',
    });
    expect(await status(`${server.origin}/readyz`)).toBe(200);
    const signalled = Date.now();
    const stopped = server.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(await status(`${server.origin}/readyz`)).toBe(503);
    expect(await status(`${server.origin}/healthz`)).toBe(200);
    expect(await status(`${server.origin}/sugang/api/time`)).toBe(200);
    await stopped;
    expect(server.exitCode(), server.stderr()).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_500);
    expect(await status(`${server.origin}/healthz`)).toBe(0);
  });

  it('exits 1 once KARINA_SHUTDOWN_TIMEOUT_MS has passed with a request still unfinished', async () => {
    const server = await startServerChild({
      KARINA_DB_URL: await createTestDatabaseUrl('sqlite'),
      KARINA_SHUTDOWN_DRAIN_MS: '100',
      KARINA_SHUTDOWN_TIMEOUT_MS: '1500',
    });
    // A request whose body never finishes arriving keeps the server from closing by itself.
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /student/api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"username":',
    );
    socket.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const signalled = Date.now();
    const stopped = server.stop();
    const code = await exited(server, 8_000);
    const took = Date.now() - signalled;
    socket.destroy();
    await stopped;
    expect(code, server.stderr()).toBe(1);
    expect(server.stderr()).toMatch(/shutdown took longer than 1500 ms, exiting/);
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(6_000);
  });
});
