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

/** The one API client: typed by the server's OpenAPI document, cookie session, CSRF header. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Looked up per call, not captured at import, so a test's HTTP mock (MSW) is the fetch used.
  fetch: (request: Request) => globalThis.fetch(request),
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
