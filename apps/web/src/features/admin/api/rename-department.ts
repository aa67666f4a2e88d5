import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export function renameDepartment({ id, name }: { id: number; name: string }) {
  return unwrap(api.PATCH('/admin/api/departments/{id}', { params: { path: { id } }, body: { name } }));
}

export function useRenameDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameDepartment,
    // Professors, students and subjects carry the department's name too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
