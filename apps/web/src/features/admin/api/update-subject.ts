import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { subjectsKey } from './list-subjects';

export type UpdateSubjectInput = RequestBody<'/admin/api/subjects/{id}', 'patch'>;

export function updateSubject({ id, body }: { id: number; body: UpdateSubjectInput }) {
  return unwrap(api.PATCH('/admin/api/subjects/{id}', { params: { path: { id } }, body }));
}

export function useUpdateSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSubject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subjectsKey }),
  });
}
