import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type PostPage = ResponseBody<'/student/api/departments/{id}/posts', 'get'>;
export type AdminPost = PostPage['items'][number];
export const POSTS_KEY = ['admin', 'posts'] as const;
export const POSTS_PAGE_SIZE = 20;

export function listPosts(departmentId: number, page: number): Promise<PostPage> {
  return unwrap(
    api.GET('/student/api/departments/{id}/posts', {
      params: { path: { id: departmentId }, query: { page, pageSize: POSTS_PAGE_SIZE } },
    }),
  );
}

export function usePosts(departmentId: number | undefined, page: number) {
  return useQuery({
    queryKey: [...POSTS_KEY, departmentId, page],
    queryFn: () => listPosts(departmentId ?? 0, page),
    enabled: departmentId !== undefined,
  });
}

export function usePostDepartments() {
  return useQuery({
    queryKey: ['admin', 'post-departments'],
    queryFn: () => unwrap(api.GET('/admin/api/departments')),
  });
}
