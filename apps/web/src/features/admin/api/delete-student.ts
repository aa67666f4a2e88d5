import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export function deleteStudent(id: number) {
  return unwrap(api.DELETE('/admin/api/students/{id}', { params: { path: { id } } }));
}

export function useDeleteStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStudent,
    // Their seats go back, so section counts change as well as the student list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
