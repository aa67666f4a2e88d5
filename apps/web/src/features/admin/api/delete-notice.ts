import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { NOTICES_KEY } from './list-notices';

export function deleteNotice(id: number) {
  return unwrap(api.DELETE('/admin/api/notices/{id}', { params: { path: { id } } }));
}

export function useDeleteNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteNotice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
