import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { routeNeedsAuthRule } from './auth.js';
import { AppError } from './errors.js';

export type ShedReason = 'event_loop_delay' | 'in_flight';

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests that touch the database now in flight, against KARINA_MAX_IN_FLIGHT. */
    inFlight: { readonly count: number; readonly max: number };
    /** False until the event-loop sampler has measured a quarter second of serving. */
    eventLoopSheddingArmed: () => boolean;
  }
}

/** How often the event-loop delay is sampled: short enough to react within a fraction of a second. */
const SAMPLE_INTERVAL_MS = 250;

/** Answered from memory, and what clients, probes and scrapers need most when the server is busy. */
const NEVER_SHED = new Set(['GET /sugang/api/time']);

/**
 * Where the database work is: registration-service state changes (register, drop, cart, wait-list),
 * the catalog and login. The waiting room is not counted: it is what absorbs the excess.
 */
export function touchesDatabase(method: string, url: string): boolean {
  if (url.startsWith('/sugang/api/queue')) return false;
  if (url === '/student/api/auth/login') return method === 'POST';
  if (url === '/sugang/api/sections' || url.startsWith('/sugang/api/sections/')) return true;
  return url.startsWith('/sugang/api/') && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

const COUNTED = Symbol('karina.inFlight');
type Counted = FastifyRequest & { [COUNTED]?: boolean };

/**
 * Refuses work at once (503 OVERLOADED, Retry-After) when answering it would only make everyone
 * wait: the event loop is already late by more than maxEventLoopDelayMs, or maxInFlight database
 * requests are already running (beyond that, more concurrency only queues for the pool).
 * Health, readiness, metrics and pages are never refused; they do not reach the database.
 */
export const loadSheddingPlugin = fp(
  async function loadSheddingPlugin(
    app: FastifyInstance,
    options: { maxEventLoopDelayMs: number; maxInFlight: number },
  ) {
    const { maxEventLoopDelayMs, maxInFlight } = options;
    // Used as a sampler only (no thresholds given, so it adds no hook of its own): the decision is
    // ours, to answer with the API's error envelope and to exempt what must never be refused.
    await app.register(underPressure, { sampleInterval: SAMPLE_INTERVAL_MS });

    // The sampler started while the app was being built; its first readings hold the start-up's
    // own stalls (compiling schemas, seeding), which say nothing about load. Two intervals after
    // ready, every sample is one of serving.
    let armed = false;
    app.decorate('eventLoopSheddingArmed', () => armed);
    app.addHook('onReady', async () => {
      setTimeout(() => (armed = true), 2 * SAMPLE_INTERVAL_MS).unref();
    });

    let inFlight = 0;
    app.decorate('inFlight', {
      get count() {
        return inFlight;
      },
      max: maxInFlight,
    });

    // Answered here rather than thrown: the error handler logs every 5xx, and a log line per
    // refused request is exactly the work an overloaded server cannot afford.
    const overloaded = new AppError('OVERLOADED');
    const overloadedBody = { error: { code: overloaded.code, message: overloaded.message } };
    function shed(reply: FastifyReply, reason: ShedReason): FastifyReply {
      app.metrics.shed.inc({ reason });
      return reply.status(overloaded.status).header('retry-after', '1').send(overloadedBody);
    }

    function release(request: Counted): void {
      if (!request[COUNTED]) return;
      request[COUNTED] = false;
      inFlight--;
    }

    app.addHook('onRequest', async (request: Counted, reply) => {
      const url = request.routeOptions.url;
      if (url === undefined || !routeNeedsAuthRule(url) || NEVER_SHED.has(`${request.method} ${url}`)) return;
      if (maxEventLoopDelayMs > 0 && armed && app.memoryUsage().eventLoopDelay > maxEventLoopDelayMs) {
        return shed(reply, 'event_loop_delay');
      }
      if (maxInFlight <= 0 || !touchesDatabase(request.method, url)) return;
      if (inFlight >= maxInFlight) return shed(reply, 'in_flight');
      inFlight++;
      request[COUNTED] = true;
    });
    // The database work is over once the reply is being sent (errors included). Not on a client's
    // abort: its handler still holds the database, and counting it out would let a flood of
    // impatient clients past the cap.
    app.addHook('onSend', async (request: Counted) => release(request));
    app.addHook('onResponse', async (request: Counted) => release(request));
  },
  { name: 'karina-load-shedding' },
);
