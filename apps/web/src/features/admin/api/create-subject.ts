import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { subjectsKey } from './list-subjects';

export type CreateSubjectInput = RequestBody<'/admin/api/subjects', 'post'>;

export function createSubject(body: CreateSubjectInput) {
  return unwrap(api.POST('/admin/api/subjects', { body }));
}

export function useCreateSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSubject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subjectsKey }),
  });
}
