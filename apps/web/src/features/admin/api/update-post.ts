import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { POSTS_KEY } from './list-posts';

export function updatePost({
  id,
  body,
}: {
  id: number;
  body: RequestBody<'/admin/api/posts/{id}', 'patch'>;
}) {
  return unwrap(api.PATCH('/admin/api/posts/{id}', { params: { path: { id } }, body }));
}

export function useUpdatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePost,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
}
