import type { ErrorCode } from './error-codes';

/**
 * Every code a screen may meet: the server's, one the HTTP contract already names that this
 * server build does not answer yet (the waiting room arrives with the opening-second work), and
 * the client's own two.
 */
export type ClientErrorCode = ErrorCode | 'ADMISSION_REQUIRED' | 'NETWORK_ERROR' | 'UNKNOWN_ERROR';

/** The server's error envelope, `{"error":{"code","message","details"}}`, as a thrown value. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Envelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Reads whatever the server answered into an ApiError; a body that is not the envelope is UNKNOWN_ERROR. */
export function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as Envelope | undefined)?.error;
  const code = typeof error?.code === 'string' ? (error.code as ClientErrorCode) : 'UNKNOWN_ERROR';
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const details =
    typeof error?.details === 'object' && error.details !== null
      ? (error.details as Record<string, unknown>)
      : {};
  return new ApiError(response.status, code, message, details, retryAfterOf(response));
}
