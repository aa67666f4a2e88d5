import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Period = ResponseBody<'/student/api/periods', 'get'>[number];
export const PERIODS_QUERY_KEY = ['periods', 'upcoming'] as const;

export function listPeriods(): Promise<Period[]> {
  return unwrap(api.GET('/student/api/periods'));
}
