import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type PublicDepartment = ResponseBody<'/student/api/departments', 'get'>[number];

export function listDepartments(): Promise<PublicDepartment[]> {
  return unwrap(api.GET('/student/api/departments'));
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments', 'public'], queryFn: listDepartments, staleTime: 5 * 60_000 });
}
