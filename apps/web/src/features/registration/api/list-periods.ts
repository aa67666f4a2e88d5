import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';

export type Period = ResponseBody<'/student/api/periods', 'get'>[number];

export function fetchPeriods(): Promise<Period[]> {
  return unwrap(api.GET('/student/api/periods'));
}

export function usePeriods() {
  return useQuery({ queryKey: registrationKeys.periods, queryFn: fetchPeriods, staleTime: 60_000 });
}
