import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type AdminDepartment = ResponseBody<'/admin/api/departments', 'get'>[number];

export const departmentsKey = ['admin', 'departments'] as const;

export function listDepartments(): Promise<AdminDepartment[]> {
  return unwrap(api.GET('/admin/api/departments'));
}

export function useDepartments() {
  return useQuery({ queryKey: departmentsKey, queryFn: listDepartments });
}
