import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { QueryParams, ResponseBody } from '../../../lib/api/types';

export type StudentPage = ResponseBody<'/admin/api/students', 'get'>;
export type AdminStudent = StudentPage['items'][number];
export type StudentSearch = QueryParams<'/admin/api/students', 'get'>;

export const studentsKey = ['admin', 'students'] as const;

export function listStudents(query: StudentSearch): Promise<StudentPage> {
  return unwrap(api.GET('/admin/api/students', { params: { query } }));
}

export function useStudents(query: StudentSearch) {
  return useQuery({
    queryKey: [...studentsKey, query],
    queryFn: () => listStudents(query),
    // The table keeps the last page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
