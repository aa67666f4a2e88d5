import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Post = ResponseBody<'/student/api/posts/{id}', 'get'>;

export function getPost(postId: number): Promise<Post> {
  return unwrap(api.GET('/student/api/posts/{id}', { params: { path: { id: postId } } }));
}

export function usePost(postId: number) {
  return useQuery({ queryKey: ['posts', postId], queryFn: () => getPost(postId) });
}
