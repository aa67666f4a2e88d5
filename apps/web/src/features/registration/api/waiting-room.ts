// HAND-TYPED, NOT YET SERVED: the waiting room of PRODUCT.md (POST /sugang/api/queue,
// GET /sugang/api/queue/:ticket, X-Admission-Token, 403 ADMISSION_REQUIRED) arrives with the next
// issue, so these routes are absent from the generated OpenAPI types. Replace this file's types
// with ResponseBody<...> once the server serves them; nothing else here is hand-copied.
import { toApiError } from '../../../lib/api/api-error';
import { ApiError } from '../../../lib/api/api-error';
import { CSRF_HEADER, readCsrfToken } from '../../../lib/api/client';
import type { QueueStatus } from '../lib/registration-machine';

/** Header every registration-service state change carries while the waiting room is active. */
export const ADMISSION_HEADER = 'X-Admission-Token';

export function admissionHeaders(admissionToken: string | undefined): Record<string, string> {
  return admissionToken ? { [ADMISSION_HEADER]: admissionToken } : {};
}

async function queueCall(method: 'GET' | 'POST', path: string): Promise<QueueStatus> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = method === 'POST' ? readCsrfToken() : undefined;
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(new URL(path, globalThis.location.origin), {
      method,
      headers,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, body);
  return body as QueueStatus;
}

/** Takes (or finds again: one place per student per period) a place in the waiting room. */
export function enterQueue(): Promise<QueueStatus> {
  return queueCall('POST', '/sugang/api/queue');
}

export function pollQueue(ticket: string): Promise<QueueStatus> {
  return queueCall('GET', `/sugang/api/queue/${encodeURIComponent(ticket)}`);
}
