import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

// The sections screens pick a department, subject and professor; own keys so the other
// registrar screens' caches of the same lists stay theirs.
export type ChoiceDepartment = ResponseBody<'/admin/api/departments', 'get'>[number];
export type ChoiceSubject = ResponseBody<'/admin/api/subjects', 'get'>[number];
export type ChoiceProfessor = ResponseBody<'/admin/api/professors', 'get'>[number];

export function useSectionDepartments() {
  return useQuery({
    queryKey: ['admin', 'section-choices', 'departments'],
    queryFn: () => unwrap(api.GET('/admin/api/departments')),
  });
}

export function useSectionSubjects(departmentId: number | undefined) {
  return useQuery({
    queryKey: ['admin', 'section-choices', 'subjects', departmentId],
    queryFn: () =>
      unwrap(api.GET('/admin/api/subjects', { params: { query: departmentId ? { departmentId } : {} } })),
  });
}

export function useSectionProfessors() {
  return useQuery({
    queryKey: ['admin', 'section-choices', 'professors'],
    queryFn: () => unwrap(api.GET('/admin/api/professors')),
  });
}
