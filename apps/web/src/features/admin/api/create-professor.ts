import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { professorsKey } from './list-professors';

export type CreateProfessorInput = RequestBody<'/admin/api/professors', 'post'>;

export function createProfessor(body: CreateProfessorInput) {
  return unwrap(api.POST('/admin/api/professors', { body }));
}

export function useCreateProfessor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProfessor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: professorsKey }),
  });
}
