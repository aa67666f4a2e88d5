import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type AdminPeriod = ResponseBody<'/admin/api/periods', 'get'>[number];
export const PERIODS_KEY = ['admin', 'periods'] as const;

export function listPeriods(): Promise<AdminPeriod[]> {
  return unwrap(api.GET('/admin/api/periods'));
}

export function usePeriods() {
  return useQuery({ queryKey: PERIODS_KEY, queryFn: listPeriods });
}
