import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

/** The waiting room's answer to POST /sugang/api/queue and GET /sugang/api/queue/{ticket}. */
export type QueueStatus = ResponseBody<'/sugang/api/queue', 'post'>;

/** Header every registration-service state change carries while the waiting room is active. */
export const ADMISSION_HEADER = 'X-Admission-Token';

export function admissionHeaders(admissionToken: string | undefined): Record<string, string> {
  return admissionToken ? { [ADMISSION_HEADER]: admissionToken } : {};
}

/** Takes (or finds again: one place per student per period) a place in the waiting room. */
export function enterQueue(): Promise<QueueStatus> {
  return unwrap(api.POST('/sugang/api/queue'));
}

export function pollQueue(ticket: string): Promise<QueueStatus> {
  return unwrap(api.GET('/sugang/api/queue/{ticket}', { params: { path: { ticket } } }));
}
