import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type DepartmentImpact = ResponseBody<'/admin/api/departments/{id}/impact', 'get'>;

export function getDepartmentImpact(id: number): Promise<DepartmentImpact> {
  return unwrap(api.GET('/admin/api/departments/{id}/impact', { params: { path: { id } } }));
}

export function useDepartmentImpact(id: number) {
  return useQuery({
    queryKey: ['admin', 'departments', id, 'impact'],
    queryFn: () => getDepartmentImpact(id),
    // What a delete removes must be counted now, not remembered from an earlier look.
    staleTime: 0,
    gcTime: 0,
  });
}
