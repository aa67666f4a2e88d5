import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Enrollments = ResponseBody<'/sugang/api/enrollments', 'get'>;
export const ENROLLMENTS_QUERY_KEY = ['enrollments'] as const;

export function listEnrollments(): Promise<Enrollments> {
  return unwrap(api.GET('/sugang/api/enrollments'));
}
