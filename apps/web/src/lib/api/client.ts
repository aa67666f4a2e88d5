import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './api-error';
import type { paths } from './schema';

const CSRF_COOKIES = ['__Host-karina_csrf', 'karina_csrf'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

/** The readable CSRF cookie login set (double submit); the session cookie itself is httpOnly. */
export function readCsrfToken(cookie: string = globalThis.document?.cookie ?? ''): string | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== undefined && CSRF_COOKIES.includes(name)) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => undefined;

/** The app decides what a 401 means (back to sign-in, then to where the user was). */
export function setUnauthenticatedHandler(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

const PUBLIC_401_PATHS = ['/student/api/auth/login'];

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method)) {
      const token = readCsrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
    }
    return request;
  },
  onResponse({ request, response }) {
    // A wrong password at login is not a lost session.
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !PUBLIC_401_PATHS.includes(path)) onUnauthenticated();
    return response;
  },
};

/** How many times a shed request is sent again before its OVERLOADED reaches the screen. */
export const SHED_RETRIES = 3;

/** Waits of Retry-After seconds, each stretched by up to as much again so retries do not arrive in step. */
export function shedRetryDelayMs(retryAfter: string | null, random: () => number = Math.random): number {
  const seconds = Number(retryAfter);
  const base = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 1000;
  return Math.round(base * (1 + random()));
}

async function isShed(response: Response): Promise<boolean> {
  if (response.status !== 503) return false;
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } } | null;
    return body?.error?.code === 'OVERLOADED';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The server sheds a request (503 OVERLOADED with Retry-After) before doing any of its work, so it
 * is safe to send again, state changes included (they also carry their Idempotency-Key): at the
 * opening a student's click is retried by the page rather than turned into an error to click away.
 * Other failures, and the last refusal, go back to the caller as they came.
 */
export async function fetchRetryingShed(
  request: Request,
  send: (request: Request) => Promise<Response> = (r) => globalThis.fetch(r),
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt === SHED_RETRIES;
    // The original stays unsent, so each attempt can take a fresh copy of the body.
    const response = await send(last ? request : request.clone());
    if (last || !(await isShed(response))) return response;
    await wait(shedRetryDelayMs(response.headers.get('retry-after')));
  }
}

/** The one API client: typed by the server's OpenAPI document, cookie session, CSRF header. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // globalThis.fetch looked up per call, not captured at import, so a test's MSW interception is seen.
  fetch: (request) => fetchRetryingShed(request),
});
api.use(sessionMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or the server's error envelope thrown as an ApiError; a network
 * failure is NETWORK_ERROR, so every failure reaches the screen as one code it has a sentence for.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}

/** A fresh Idempotency-Key: a retried or double-clicked state change replays its first outcome. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
