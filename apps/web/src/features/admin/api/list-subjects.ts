import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type AdminSubject = ResponseBody<'/admin/api/subjects', 'get'>[number];
export type SubjectType = AdminSubject['type'];
export const SUBJECT_TYPES: readonly SubjectType[] = ['major_required', 'major_elective', 'general'];

export const subjectsKey = ['admin', 'subjects'] as const;

export function listSubjects(departmentId?: number): Promise<AdminSubject[]> {
  return unwrap(api.GET('/admin/api/subjects', { params: { query: departmentId ? { departmentId } : {} } }));
}

export function useSubjects(departmentId?: number) {
  return useQuery({
    queryKey: [...subjectsKey, departmentId ?? 'all'],
    queryFn: () => listSubjects(departmentId),
  });
}
