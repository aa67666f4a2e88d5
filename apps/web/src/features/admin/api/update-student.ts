import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { studentsKey } from './list-students';

export type UpdateStudentInput = RequestBody<'/admin/api/students/{id}', 'patch'>;

export function updateStudent({ id, body }: { id: number; body: UpdateStudentInput }) {
  return unwrap(api.PATCH('/admin/api/students/{id}', { params: { path: { id } }, body }));
}

export function useUpdateStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStudent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentsKey }),
  });
}
