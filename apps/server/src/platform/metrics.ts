import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, onSendAsyncHookHandler } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  registrations: Counter<'outcome'>;
  /** Requests refused with 503 OVERLOADED before any work, by reason (platform/load-shedding.ts). */
  shed: Counter<'reason'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * With KARINA_METRICS_PORT, opens its listener (rejecting when the port is taken) and resolves
     * with its address; without it, resolves with undefined (/metrics is on the public port).
     * `karina serve` calls it right after listen; the app's close closes it.
     */
    listenMetrics(): Promise<AddressInfo | undefined>;
  }
}

/**
 * GET /metrics on a port of its own, opened by listenMetrics() and closed with the app: nothing
 * else is served there (404), so the public port carries no metrics and this one nothing else.
 */
function serveMetricsApart(app: FastifyInstance, registry: Registry, host: string, port: number): void {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        app.log.error({ err: error }, 'metrics: collecting failed');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n');
      },
    );
  });
  let listening = false;
  app.decorate('listenMetrics', async () => {
    if (!listening) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
    }
    return server.address() as AddressInfo;
  });
  app.addHook('onClose', async () => {
    if (!listening) return;
    listening = false;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

/** One registry per app instance, so tests that build many apps never share counters. */
export function installMetrics(
  app: FastifyInstance,
  service: string,
  apart?: { host: string; port: number },
): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'karina_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const registrations = new Counter({
    name: 'karina_registration_attempts_total',
    help: 'Registration responses by outcome: ok, or the error code the client received (replays included)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const shed = new Counter({
    name: 'karina_shed_requests_total',
    help: 'Requests refused at once with 503 OVERLOADED: event-loop delay or the in-flight database cap',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  if (apart) {
    serveMetricsApart(app, registry, apart.host, apart.port);
  } else {
    app.decorate('listenMetrics', () => Promise.resolve(undefined));
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      void reply.header('content-type', registry.contentType);
      return registry.metrics();
    });
  }
  return { registry, registrations, shed };
}

/**
 * The outcome a client saw in a response: "ok" below 400, else the envelope's error code. Read from
 * the response itself, so a replayed SECTION_FULL counts as SECTION_FULL, and every response counts
 * exactly once whichever layer (validation, auth, service, replay) wrote it.
 */
const ENVELOPE_START = '{"error":{"code":"';

export function responseOutcome(statusCode: number, payload: unknown): string {
  if (statusCode < 400) return 'ok';
  // Every envelope Karina writes starts so (error-handler.ts); reading the code off the front
  // spares a full section's refusal a JSON.parse of its own answer.
  if (typeof payload === 'string' && payload.startsWith(ENVELOPE_START)) {
    const end = payload.indexOf('"', ENVELOPE_START.length);
    const code = payload.slice(ENVELOPE_START.length, end);
    if (end > ENVELOPE_START.length && /^[A-Z][A-Z0-9_]*$/.test(code)) return code;
  }
  if (typeof payload === 'string') {
    try {
      const code = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
      if (typeof code === 'string') return code;
    } catch {
      // Not an error envelope; the status is all there is.
    }
  }
  return String(statusCode);
}

/** An onSend hook for one route that counts each response by its outcome. */
export function countResponsesBy(counter: Counter<'outcome'>): onSendAsyncHookHandler {
  return async (_request, reply, payload) => {
    counter.inc({ outcome: responseOutcome(reply.statusCode, payload) });
    return payload;
  };
}
