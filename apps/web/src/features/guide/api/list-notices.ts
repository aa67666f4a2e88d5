import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type NoticePage = ResponseBody<'/student/api/notices', 'get'>;
export const NOTICES_PAGE_SIZE = 20;

export function listNotices(page: number): Promise<NoticePage> {
  return unwrap(
    api.GET('/student/api/notices', { params: { query: { page, pageSize: NOTICES_PAGE_SIZE } } }),
  );
}

export function useNotices(page: number) {
  return useQuery({
    queryKey: ['notices', page],
    queryFn: () => listNotices(page),
    placeholderData: keepPreviousData,
  });
}
