import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { professorsKey } from './list-professors';

export type UpdateProfessorInput = RequestBody<'/admin/api/professors/{id}', 'patch'>;

export function updateProfessor({ id, body }: { id: number; body: UpdateProfessorInput }) {
  return unwrap(api.PATCH('/admin/api/professors/{id}', { params: { path: { id } }, body }));
}

export function useUpdateProfessor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfessor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: professorsKey }),
  });
}
