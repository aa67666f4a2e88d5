import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export function deleteProfessor(id: number) {
  return unwrap(api.DELETE('/admin/api/professors/{id}', { params: { path: { id } } }));
}

export function useDeleteProfessor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProfessor,
    // Their sections become 교수 미정, so section lists change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
