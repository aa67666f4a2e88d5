import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Department = ResponseBody<'/student/api/departments', 'get'>[number];

export function listDepartments(): Promise<Department[]> {
  return unwrap(api.GET('/student/api/departments'));
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments', 'public'], queryFn: listDepartments, staleTime: 10 * 60_000 });
}
