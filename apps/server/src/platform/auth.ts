import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, AdminActor, StudentActor } from './actor.js';
import { AppError } from './errors.js';
import { findSession } from './sessions.js';
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
    const cookie = request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (token) {
      const session = await findSession(app.deps.db, token, app.deps.clock.now());
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
