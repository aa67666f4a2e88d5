import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Period = ResponseBody<'/student/api/periods', 'get'>[number];

export function listPeriods(): Promise<Period[]> {
  return unwrap(api.GET('/student/api/periods'));
}

export function usePeriods() {
  return useQuery({ queryKey: ['periods', 'upcoming'], queryFn: listPeriods });
}
