import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { POSTS_KEY } from './list-posts';

export type PostBody = RequestBody<'/admin/api/departments/{id}/posts', 'post'>;

export function createPost({ departmentId, body }: { departmentId: number; body: PostBody }) {
  return unwrap(
    api.POST('/admin/api/departments/{id}/posts', { params: { path: { id: departmentId } }, body }),
  );
}

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPost,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
}
