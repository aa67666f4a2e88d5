import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { startServerChild } from './multi-process/server-processes.js';
import { createTestApp } from './support/app.js';
import { createTestDatabaseUrl } from './support/databases.js';
import { freePort } from './support/services.js';
import type { TestApp } from './support/app.js';

describe('KARINA_METRICS_PORT', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('moves /metrics off the public port to a port that serves nothing else, opened and closed with the app', async () => {
    t = await createTestApp('sqlite', { metricsPort: 0 });
    expect((await t.call('GET', '/metrics')).statusCode).toBe(404);
    expect((await t.call('GET', '/sugang/api/time')).statusCode).toBe(200);

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = await t.app.listenMetrics();
    expect(address?.port).toBeGreaterThan(0);
    const publicPort = (t.app.server.address() as { port: number }).port;
    expect(address?.port).not.toBe(publicPort);
    const metricsUrl = `http://127.0.0.1:${address?.port}/metrics`;
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    // The public request above is counted, with its route template and the service label.
    expect(text).toMatch(
      /karina_http_request_duration_seconds_count\{[^}]*route="\/sugang\/api\/time"[^}]*\} 1/,
    );
    expect(text).toMatch(/service="all"/);
    expect((await fetch(`http://127.0.0.1:${address?.port}/sugang/api/time`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${publicPort}/metrics`)).status).toBe(404);

    await t.close();
    t = undefined;
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });

  it('unset, /metrics stays on the public port', async () => {
    t = await createTestApp('sqlite');
    expect(await t.app.listenMetrics()).toBeUndefined();
    const res = await t.call('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/karina_registration_attempts_total/);
  });

  it('refuses to start when the port is taken', async () => {
    t = await createTestApp('sqlite', { metricsPort: 0 });
    const first = await t.app.listenMetrics();
    const other = await createTestApp('sqlite', { metricsPort: first?.port ?? 0 });
    try {
      await expect(other.app.listenMetrics()).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await other.close();
    }
  });

  it('is refused when it is the public port, or not a port', () => {
    expect(() => loadConfig({ PORT: '3000', KARINA_METRICS_PORT: '3000' })).toThrow(/must differ from PORT/);
    expect(() => loadConfig({ KARINA_METRICS_PORT: 'metrics' })).toThrow(ConfigError);
    expect(() => loadConfig({ KARINA_METRICS_PORT: '70000' })).toThrow(ConfigError);
    expect(loadConfig({ KARINA_METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(loadConfig({}).metricsPort).toBeUndefined();
  });
});

describe('karina serve with KARINA_METRICS_PORT', () => {
  it('serves /metrics there, says where, and not on the public port', async () => {
    const metricsPort = await freePort();
    const server = await startServerChild({
      KARINA_DB_URL: await createTestDatabaseUrl('sqlite'),
      KARINA_METRICS_PORT: String(metricsPort),
      KARINA_LOG_LEVEL: 'warn',
    });
    try {
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/process_cpu_user_seconds_total/);
      expect((await fetch(`${server.origin}/metrics`)).status).toBe(404);
      expect(server.stderr()).toContain(`karina: metrics on http://127.0.0.1:${metricsPort}/metrics`);
    } finally {
      await server.stop();
    }
  });
});
