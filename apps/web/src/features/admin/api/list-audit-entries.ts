import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { QueryParams, ResponseBody } from '../../../lib/api/types';

export type AuditQuery = QueryParams<'/admin/api/audit', 'get'>;
export type AuditPage = ResponseBody<'/admin/api/audit', 'get'>;

export function listAuditEntries(query: AuditQuery): Promise<AuditPage> {
  return unwrap(api.GET('/admin/api/audit', { params: { query } }));
}

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => listAuditEntries(query),
    placeholderData: keepPreviousData,
  });
}
