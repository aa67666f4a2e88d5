import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type PostPage = ResponseBody<'/student/api/departments/{id}/posts', 'get'>;
export const POSTS_PAGE_SIZE = 20;

export function listDepartmentPosts(departmentId: number, page: number): Promise<PostPage> {
  return unwrap(
    api.GET('/student/api/departments/{id}/posts', {
      params: { path: { id: departmentId }, query: { page, pageSize: POSTS_PAGE_SIZE } },
    }),
  );
}

export function useDepartmentPosts(departmentId: number, page: number) {
  return useQuery({
    queryKey: ['departments', departmentId, 'posts', page],
    queryFn: () => listDepartmentPosts(departmentId, page),
    placeholderData: keepPreviousData,
  });
}
