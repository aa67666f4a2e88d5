import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type AdminProfessor = ResponseBody<'/admin/api/professors', 'get'>[number];

export const professorsKey = ['admin', 'professors'] as const;

export function listProfessors(departmentId?: number): Promise<AdminProfessor[]> {
  return unwrap(
    api.GET('/admin/api/professors', { params: { query: departmentId ? { departmentId } : {} } }),
  );
}

export function useProfessors(departmentId?: number) {
  return useQuery({
    queryKey: [...professorsKey, departmentId ?? 'all'],
    queryFn: () => listProfessors(departmentId),
  });
}
