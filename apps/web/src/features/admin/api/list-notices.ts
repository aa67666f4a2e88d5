import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type NoticePage = ResponseBody<'/student/api/notices', 'get'>;
export type AdminNotice = NoticePage['items'][number];
export const NOTICES_KEY = ['admin', 'notices'] as const;
export const NOTICES_PAGE_SIZE = 20;

// Admins edit the same list students read; the public route already shows every notice.
export function listNotices(page: number): Promise<NoticePage> {
  return unwrap(
    api.GET('/student/api/notices', { params: { query: { page, pageSize: NOTICES_PAGE_SIZE } } }),
  );
}

export function useNotices(page: number) {
  return useQuery({ queryKey: [...NOTICES_KEY, page], queryFn: () => listNotices(page) });
}
