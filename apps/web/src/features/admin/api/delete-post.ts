import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { POSTS_KEY } from './list-posts';

export function deletePost(id: number) {
  return unwrap(api.DELETE('/admin/api/posts/{id}', { params: { path: { id } } }));
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePost,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });
}
