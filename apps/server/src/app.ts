import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { registerStudentService, registerSugangService } from './modules/index.js';
import { installAccessLog, REDACTED_PATHS } from './platform/access-log.js';
import { authPlugin, routeNeedsAuthRule } from './platform/auth.js';
import { systemClock } from './platform/clock.js';
import type { Clock } from './platform/clock.js';
import type { AppDeps } from './platform/deps.js';
import {
  createFrameworkErrorHandler,
  installEarlyNotFound,
  installErrorHandler,
} from './platform/error-handler.js';
import { capConnections, createClientErrorHandler, serverTimeoutOptions } from './platform/http-limits.js';
import { installJsonBodyParser } from './platform/json-body.js';
import { installHealthRoutes } from './platform/health.js';
import { installSecurityHeaders, securityHeaders } from './platform/security-headers.js';
import { sweepIdempotencyRecords } from './platform/idempotency.js';
import { closeUndeclaredQuerystrings, createValidatorCompiler } from './platform/validation.js';
import { AppError } from './platform/errors.js';
import { installMetrics } from './platform/metrics.js';
import { loadSheddingPlugin } from './platform/load-shedding.js';
import type { Metrics } from './platform/metrics.js';
import { registerOpenApi } from './platform/openapi.js';
import { createInvalidationBus } from './platform/invalidation.js';
import { createRejectionCounter } from './platform/rejections.js';
import { deleteExpiredSessions } from './platform/sessions.js';
import { registerWebApp } from './platform/web-app.js';
import type { Db } from './platform/transactions.js';
import type { DialectName, PoolUse } from '@karina/db';
import { createMonitorService } from './modules/monitor/monitor.service.js';
import { VERSION } from './platform/version.js';
import type { QueueStore } from './modules/waiting-room/waiting-room.store.js';

export interface BuildOptions {
  db: Db;
  dialect: DialectName;
  clock?: Clock;
  /** Tests hand in a waiting-room store of their own (a private Redis key prefix). */
  queueStore?: QueueStore;
  /** The database pool's use, for /metrics (connectDatabase's `pool`). */
  pool?: PoolUse;
  /** Where the log lines go instead of stdout (tests read them back). */
  logStream?: { write(line: string): void };
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** The whole HTTP server for one role; the caller owns the database and closes it. */
export async function buildApp(config: Readonly<Config>, options: BuildOptions): Promise<FastifyInstance> {
  const headers = securityHeaders(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // One access line per request instead (platform/access-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    // Nothing but the CSV import (its own limit) needs more; a large body is only a cost.
    bodyLimit: 64 * 1024,
    ...serverTimeoutOptions(config),
    clientErrorHandler: createClientErrorHandler(headers.app),
    frameworkErrors: createFrameworkErrorHandler(() => headers.app),
    trustProxy:
      typeof config.trustProxy === 'number'
        ? // Trust exactly that many hops in front of us, as proxy-addr does for a number.
          (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  capConnections(app, config);
  app.setValidatorCompiler(createValidatorCompiler());
  installJsonBodyParser(app);
  closeUndeclaredQuerystrings(app, routeNeedsAuthRule);

  let lastRejectionsWarning = 0;
  let lastBusWarning = 0;
  const deps: AppDeps = {
    config,
    db: options.db,
    dialect: options.dialect,
    clock: options.clock ?? systemClock,
    queueStore: options.queueStore,
    rejections: createRejectionCounter({
      redisUrl: config.redisUrl,
      onError: (error) => {
        // An unreachable Redis would otherwise write a line per flush.
        if (Date.now() - lastRejectionsWarning < 60_000) return;
        lastRejectionsWarning = Date.now();
        app.log.warn(
          { err: error },
          'rejection counts: Redis unreachable, the monitor shows this process only',
        );
      },
    }),
    bus: createInvalidationBus({
      redisUrl: config.redisUrl,
      onError: (error) => {
        if (Date.now() - lastBusWarning < 60_000) return;
        lastBusWarning = Date.now();
        app.log.warn(
          { err: error },
          'invalidation bus: Redis unreachable, other processes may serve stale caches',
        );
      },
    }),
  };
  app.decorate('deps', deps);
  app.addHook('onClose', async () => deps.rejections.close());
  app.addHook('onClose', async () => deps.bus.close());
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  installAccessLog(app);
  installSecurityHeaders(app, headers);
  installErrorHandler(app);
  installEarlyNotFound(app, { rateLimit: config.rateLimit });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `요청이 너무 많습니다. ${Math.ceil(context.ttl / 1000)}초 후 다시 시도하세요 / Too many requests`,
      ),
  });
  await registerOpenApi(app, config);
  // Before auth: a refused request must not cost the session lookup either.
  await app.register(loadSheddingPlugin, {
    maxEventLoopDelayMs: config.shedEventLoopDelayMs,
    maxInFlight: config.maxInFlight,
  });
  await app.register(authPlugin);
  const metrics = installMetrics(app, {
    service: config.service,
    version: VERSION,
    commit: config.buildCommit,
    db: deps.db,
    ...(config.metricsPort === undefined ? {} : { apart: { host: config.host, port: config.metricsPort } }),
  });
  app.decorate('metrics', metrics);

  await registerWebApp(app, config);
  installHealthRoutes(app, deps, config.service);
  metrics.sources.ready = () => app.isReady();
  if (options.pool) metrics.sources.pool = options.pool;
  const monitor = createMonitorService(deps);
  metrics.sources.seats = async () => {
    const snapshot = await monitor.snapshot();
    return {
      taken: snapshot.totals.enrolled,
      capacity: snapshot.totals.capacity,
      // Busiest first: enrolled + wait-listed + refused.
      contested: snapshot.sections.map((s) => ({
        label: `${s.subject.code}-${String(s.number).padStart(2, '0')}`,
        taken: s.enrolled,
        capacity: s.capacity,
        waitlisted: s.waitlisted,
      })),
    };
  };

  // Expired sessions are refused on lookup already; this only keeps the table small.
  const sweep = setInterval(() => {
    deleteExpiredSessions(deps.db, deps.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'expired session sweep failed'),
    );
    sweepIdempotencyRecords(deps.db, deps.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'expired idempotency record sweep failed'),
    );
  }, 10 * 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  if (config.service === 'all' || config.service === 'student') await registerStudentService(app);
  if (config.service === 'all' || config.service === 'sugang') await registerSugangService(app);
  return app;
}
