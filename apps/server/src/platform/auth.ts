import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Actor, AdminActor, StudentActor } from './actor.js';
import { AppError } from './errors.js';
import {
  DEFAULT_THROTTLE_POLICY,
  createLoginThrottle,
  createMemoryThrottleStore,
  createRedisThrottleStore,
} from './login-throttle.js';
import type { LoginThrottle } from './login-throttle.js';
import { createHashGate } from './passwords.js';
import type { HashGate } from './passwords.js';
import { createSessionCache } from './session-cache.js';
import type { SessionCache } from './session-cache.js';
import type { Session } from './sessions.js';

/**
 * Who may call a route. Every route under /student/api, /admin/api and /sugang/api must declare
 * one, or the server refuses to start: a new route can never be open by accident.
 */
export type AuthRule = 'public' | 'authenticated' | 'student' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRule;
    /** Reachable while the user still has to change an initial password (me, password, logout). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyInstance {
    /** Every guarded route with its rule, for the authorization test that walks them all. */
    guardedRoutes: { method: string; url: string; auth: AuthRule }[];
    /** Failed-password counters, shared through Redis when KARINA_REDIS_URL is set. */
    loginThrottle: LoginThrottle;
    /** The cap on concurrent password hashing for login and password change. */
    hashGate: HashGate;
    /** Sessions read recently, so a logged-in request costs no statement; evicted through the bus. */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    session: Session | null;
    /** How the session arrived; cookie-authenticated state changes need the CSRF header. */
    sessionVia: 'bearer' | 'cookie' | null;
  }
}

export const SESSION_COOKIE = 'karina_session';
export const CSRF_COOKIE = 'karina_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * With Secure cookies the names carry the __Host- prefix: the browser then only accepts them from
 * this exact origin over HTTPS, with Path=/ and no Domain, so a sibling subdomain or a plain-HTTP
 * network attacker cannot plant a session or CSRF cookie of its own choosing.
 */
export function cookieNames(config: Pick<Config, 'cookieSecure'>): { session: string; csrf: string } {
  return config.cookieSecure
    ? { session: `__Host-${SESSION_COOKIE}`, csrf: `__Host-${CSRF_COOKIE}` }
    : { session: SESSION_COOKIE, csrf: CSRF_COOKIE };
}

const GUARDED_PREFIXES = ['/student/api', '/admin/api', '/sugang/api'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function routeNeedsAuthRule(url: string): boolean {
  return GUARDED_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export const authPlugin = fp(async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionVia', null);
  const { config } = app.deps;
  const names = cookieNames(config);

  let lastStoreWarning = 0;
  const throttle = createLoginThrottle({
    store: !config.rateLimit
      ? null
      : config.redisUrl
        ? createRedisThrottleStore(config.redisUrl, (error) => warnStore(error))
        : createMemoryThrottleStore(),
    policy: { ...DEFAULT_THROTTLE_POLICY, addressFailures: config.loginAddressFailures },
    now: () => app.deps.clock.now(),
    onStoreError: (error) => warnStore(error),
  });
  function warnStore(error: unknown) {
    // A Redis outage would otherwise write one line per login attempt.
    if (Date.now() - lastStoreWarning < 60_000) return;
    lastStoreWarning = Date.now();
    app.log.warn({ err: error }, 'login throttle: Redis unreachable, counting in this process only');
  }
  app.decorate('loginThrottle', throttle);
  app.decorate(
    'hashGate',
    createHashGate({ concurrency: config.hashConcurrency, queue: 16 * config.hashConcurrency }),
  );
  app.addHook('onClose', async () => throttle.close());

  const sessionCache = createSessionCache({
    db: app.deps.db,
    bus: app.deps.bus,
    idleMs: config.sessionIdleMs,
    maxEntries: config.sessionCacheSize,
    onFlushError: (error) => app.log.warn({ err: error }, 'session last-seen write failed; retried'),
  });
  app.decorate('sessionCache', sessionCache);
  app.addHook('onClose', async () => sessionCache.close());

  let warnedForwardedFor = false;
  if (config.trustProxy === false) {
    app.addHook('onRequest', async (request) => {
      if (warnedForwardedFor || request.headers['x-forwarded-for'] === undefined) return;
      warnedForwardedFor = true;
      app.log.warn(
        "requests carry X-Forwarded-For but KARINA_TRUST_PROXY is off: rate limits see the proxy's " +
          'address, so all clients share one limit; set KARINA_TRUST_PROXY to the proxies in front of Karina',
      );
    });
  }

  const guarded: { method: string; url: string; auth: AuthRule }[] = [];
  app.decorate('guardedRoutes', guarded);
  app.addHook('onRoute', (route) => {
    if (!routeNeedsAuthRule(route.url)) return;
    const auth = route.config?.auth;
    if (!auth) throw new Error(`route ${String(route.method)} ${route.url} has no auth rule (config.auth)`);
    if (route.url.startsWith('/admin/') && auth !== 'admin') {
      throw new Error(`route ${String(route.method)} ${route.url} is under /admin but its rule is "${auth}"`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') guarded.push({ method, url: route.url, auth });
    }
  });

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config?.auth;
    if (!rule) return;
    const bearer = bearerToken(request);
    const cookie = request.cookies?.[names.session];
    const token = bearer ?? cookie;
    if (token) {
      const session = await sessionCache.find(token, app.deps.clock.now());
      if (session) {
        request.session = session;
        request.sessionVia = bearer ? 'bearer' : 'cookie';
      }
    }
    if (rule === 'public') return;
    const session = request.session;
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (rule === 'student' && session.role !== 'student') throw new AppError('FORBIDDEN');
    if (rule === 'admin' && session.role !== 'admin') throw new AppError('FORBIDDEN');
    if (request.sessionVia === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== session.csrfToken) throw new AppError('CSRF_FAILED');
    }
    if (session.mustChangePassword && !request.routeOptions.config?.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
});

export function actorOf(request: FastifyRequest): Actor {
  const s = request.session;
  if (!s) return { role: 'anonymous', id: null, requestId: request.id };
  return { role: s.role, id: s.userId, requestId: request.id };
}

export function studentActor(request: FastifyRequest): StudentActor {
  const s = request.session;
  if (s?.role !== 'student') throw new AppError('FORBIDDEN');
  return { role: 'student', id: s.userId, requestId: request.id };
}

export function adminActor(request: FastifyRequest): AdminActor {
  const s = request.session;
  if (s?.role !== 'admin') throw new AppError('FORBIDDEN');
  return { role: 'admin', id: s.userId, requestId: request.id };
}
