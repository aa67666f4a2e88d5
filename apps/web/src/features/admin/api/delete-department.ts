import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export function deleteDepartment(id: number) {
  return unwrap(api.DELETE('/admin/api/departments/{id}', { params: { path: { id } } }));
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDepartment,
    // The delete cascades to professors, subjects and sections: every admin list may have changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
