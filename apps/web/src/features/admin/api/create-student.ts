import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { studentsKey } from './list-students';

export type CreateStudentInput = RequestBody<'/admin/api/students', 'post'>;

export function createStudent(body: CreateStudentInput) {
  return unwrap(api.POST('/admin/api/students', { body }));
}

export function useCreateStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStudent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentsKey }),
  });
}
