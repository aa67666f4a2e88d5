import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, onSendAsyncHookHandler } from 'fastify';
import { performance } from 'node:perf_hooks';
import type { PoolUse } from '@karina/db';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { setAuditSink } from './audit.js';
import { onTransactionRetry } from './transactions.js';
import type { Db } from './transactions.js';

/** How many sections the per-section seat gauges cover: the most contested, so the label set stays bounded. */
export const CONTESTED_SECTIONS = 10;

export interface Metrics {
  registry: Registry;
  registrations: Counter<'outcome'>;
  /** Requests refused with 503 OVERLOADED before any work, by reason (platform/load-shedding.ts). */
  shed: Counter<'reason'>;
  /** Repeats of an Idempotency-Key answered from the stored first outcome. */
  idempotentReplays: Counter;
  /** What scrapes read at the moment they ask; each part registers itself when it exists. */
  sources: MetricSources;
}

/** Seat fill: all sections, and the most contested few (their label "CODE-NUMBER"). */
export interface SeatFill {
  taken: number;
  capacity: number;
  contested: readonly { label: string; taken: number; capacity: number; waitlisted: number }[];
}

export interface WaitingRoomGauges {
  active: boolean;
  /** Students in line, not yet admitted, over the periods this process serves. */
  waiting: number;
  /** The estimate the last student in line would be given. */
  etaSeconds: number;
  /** Admissions per second the room allows now. */
  admissionRate: number;
  /** Admissions granted so far in each period, across every process sharing the line. */
  admitted: ReadonlyMap<number, number>;
}

export interface MetricSources {
  seats?: () => Promise<SeatFill>;
  waitingRoom?: () => Promise<WaitingRoomGauges>;
  pool?: PoolUse;
  ready?: () => Promise<boolean>;
}

/** Bounded label values created at 0, so every series exists (and rate() works) before the first event. */
const ENROLLMENT_EVENTS = ['enrolled', 'dropped', 'waitlist_joined', 'waitlist_left', 'promoted'] as const;
export type EnrollmentEvent = (typeof ENROLLMENT_EVENTS)[number];
const SHED_REASONS = ['event_loop_delay', 'in_flight'] as const;

/** Audit actions (committed, outcome ok) that are the enrollment events operators watch. */
const EVENT_OF_ACTION: Readonly<Record<string, EnrollmentEvent>> = {
  'enrollment.register': 'enrolled',
  'enrollment.drop': 'dropped',
  'waitlist.join': 'waitlist_joined',
  'waitlist.leave': 'waitlist_left',
  'waitlist.remove': 'waitlist_left',
  'enrollment.promote': 'promoted',
};

export function statusClass(statusCode: number): string {
  return statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other';
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
function serveMetricsApart(
  app: FastifyInstance,
  registry: Registry,
  scrape: () => Promise<string>,
  host: string,
  port: number,
): void {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    scrape().then(
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

export interface MetricsOptions {
  service: string;
  version: string;
  commit: string;
  db: Db;
  /** With KARINA_METRICS_PORT: where /metrics is served instead of the public port. */
  apart?: { host: string; port: number };
}

/** One registry per app instance, so tests that build many apps never share counters. */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  collectDefaultMetrics({ register: registry });
  const sources: MetricSources = {};
  // The gauges of one scrape share one read of each source.
  let scrapes = 0;
  const scrape = () => {
    scrapes++;
    return registry.metrics();
  };
  const oncePerScrape = <T>(fn: () => Promise<T>): (() => Promise<T>) => {
    let cached: { scrape: number; value: Promise<T> } | undefined;
    return () => {
      if (cached?.scrape !== scrapes) cached = { scrape: scrapes, value: fn() };
      return cached.value;
    };
  };
  const registers = [registry];
  // A scrape must not fail because one source did (the database down is when operators look most).
  let lastSourceWarning = 0;
  const read = async <T>(what: string, source: (() => Promise<T>) | undefined): Promise<T | undefined> => {
    if (!source) return undefined;
    try {
      return await source();
    } catch (error) {
      if (Date.now() - lastSourceWarning > 60_000) {
        lastSourceWarning = Date.now();
        app.log.warn({ err: error }, `metrics: reading ${what} failed; its gauges keep their last values`);
      }
      return undefined;
    }
  };

  new Gauge({
    name: 'karina_build_info',
    help: 'This build: always 1, with its version and commit as labels',
    labelNames: ['version', 'commit'] as const,
    registers,
  }).set({ version: options.version, commit: options.commit }, 1);

  const labelNames = ['method', 'route', 'status_class'] as const;
  const requests = new Counter({
    name: 'karina_http_requests_total',
    help: 'HTTP responses by route template and status class',
    labelNames,
    registers,
  });
  const duration = new Histogram({
    name: 'karina_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const registrations = new Counter({
    name: 'karina_registration_attempts_total',
    help: 'Registration responses by outcome: ok, or the error code the client received (replays included)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const shed = new Counter({
    name: 'karina_shed_requests_total',
    help: 'Requests refused at once with 503 OVERLOADED: event-loop delay or the in-flight database cap',
    labelNames: ['reason'] as const,
    registers,
  });
  for (const reason of SHED_REASONS) shed.inc({ reason }, 0);
  const enrollmentEvents = new Counter({
    name: 'karina_enrollment_events_total',
    help: 'Committed enrollment changes: enrolled, dropped, waitlist_joined, waitlist_left, promoted',
    labelNames: ['event'] as const,
    registers,
  });
  for (const event of ENROLLMENT_EVENTS) enrollmentEvents.inc({ event }, 0);
  const idempotentReplays = new Counter({
    name: 'karina_idempotent_replays_total',
    help: 'Requests answered from the stored first outcome of their Idempotency-Key',
    registers,
  });
  const retries = new Counter({
    name: 'karina_db_transaction_retries_total',
    help: 'Transactions run again after the database aborted them (deadlock victim, lock wait timeout)',
    registers,
  });
  onTransactionRetry(options.db, () => retries.inc());

  // Committed audit entries: one log line each, with the entry's id, and the enrollment events.
  setAuditSink(options.db, (entries) => {
    for (const entry of entries) {
      app.log.info(
        {
          reqId: entry.requestId ?? undefined,
          audit: {
            id: entry.id,
            action: entry.action,
            target: entry.target,
            outcome: entry.outcome,
            actorRole: entry.actorRole,
            actorId: entry.actorId,
          },
        },
        'audit',
      );
      const event = EVENT_OF_ACTION[entry.action];
      if (event && entry.outcome === 'ok') enrollmentEvents.inc({ event });
    }
  });

  // Read first, before the collectors below take connections of their own.
  const poolGauge = (name: string, help: string, pick: (pool: PoolUse) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        if (sources.pool) this.set(pick(sources.pool));
      },
    });
  poolGauge('karina_db_pool_size', 'Database connections this process may open (SQLite: 1)', (p) => p.size);
  poolGauge('karina_db_pool_in_use', 'Database connections held by a query or transaction', (p) => p.inUse);
  poolGauge(
    'karina_db_pool_waiting',
    'Queries and transactions waiting for a database connection',
    (p) => p.waiting,
  );

  let elu = performance.eventLoopUtilization();
  new Gauge({
    name: 'karina_event_loop_utilization',
    help: 'Share of time the event loop was busy since the previous scrape (0-1)',
    registers,
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, elu).utilization);
      elu = now;
    },
  });

  new Gauge({
    name: 'karina_ready',
    help: '1 while GET /readyz answers 200, 0 while it answers 503 (shutting down, database or Redis unreachable)',
    registers,
    async collect() {
      const ready = await read('readiness', sources.ready);
      if (ready !== undefined) this.set(ready ? 1 : 0);
    },
  });

  // One read serves every gauge of a scrape (they collect at once).
  const seatFill = oncePerScrape(() => read('seat fill', sources.seats));
  new Gauge({
    name: 'karina_seats_taken',
    help: 'Seats taken over all sections',
    registers,
    async collect() {
      const fill = await seatFill();
      if (fill) this.set(fill.taken);
    },
  });
  new Gauge({
    name: 'karina_seats_capacity',
    help: 'Seats offered over all sections',
    registers,
    async collect() {
      const fill = await seatFill();
      if (fill) this.set(fill.capacity);
    },
  });
  const contestedGauge = (name: string, help: string, pick: (s: SeatFill['contested'][number]) => number) =>
    new Gauge({
      name,
      help: `${help}, for the ${CONTESTED_SECTIONS} most contested sections (section = subject code-number)`,
      labelNames: ['section'] as const,
      registers,
      async collect() {
        const fill = await seatFill();
        if (!fill) return;
        // Only the current few: a section that left them leaves the output, so the set stays bounded.
        this.reset();
        for (const section of fill.contested.slice(0, CONTESTED_SECTIONS)) {
          this.set({ section: section.label }, pick(section));
        }
      },
    });
  contestedGauge('karina_section_seats_taken', 'Seats taken', (s) => s.taken);
  contestedGauge('karina_section_seats_capacity', 'Seats offered', (s) => s.capacity);
  contestedGauge('karina_section_waitlist_length', 'Students on the wait-list', (s) => s.waitlisted);

  const roomGauges = oncePerScrape(() => read('waiting room', sources.waitingRoom));
  const roomGauge = (name: string, help: string, pick: (g: WaitingRoomGauges) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const gauges = await roomGauges();
        this.set(gauges ? pick(gauges) : 0);
      },
    });
  roomGauge('karina_waiting_room_active', '1 while students need a place in line to register', (g) =>
    g.active ? 1 : 0,
  );
  roomGauge('karina_waiting_room_depth', 'Students in line, not yet admitted', (g) => g.waiting);
  roomGauge(
    'karina_waiting_room_eta_seconds',
    'The wait the last student in line is told',
    (g) => g.etaSeconds,
  );
  roomGauge(
    'karina_waiting_room_admission_rate',
    'Admissions per second the waiting room allows now',
    (g) => g.admissionRate,
  );
  const admittedSeen = new Map<number, number>();
  new Counter({
    name: 'karina_waiting_room_admissions_total',
    help: 'Students admitted from the line (all processes sharing it: take max across pods, not sum)',
    registers,
    async collect() {
      const gauges = await roomGauges();
      for (const [period, admitted] of gauges?.admitted ?? []) {
        const seen = admittedSeen.get(period) ?? 0;
        if (admitted > seen) this.inc(admitted - seen);
        admittedSeen.set(period, Math.max(seen, admitted));
      }
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_class: statusClass(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  if (options.apart) {
    serveMetricsApart(app, registry, scrape, options.apart.host, options.apart.port);
  } else {
    app.decorate('listenMetrics', () => Promise.resolve(undefined));
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      void reply.header('content-type', registry.contentType);
      return scrape();
    });
  }
  return { registry, registrations, shed, idempotentReplays, sources };
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
