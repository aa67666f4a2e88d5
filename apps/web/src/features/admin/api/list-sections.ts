import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { QueryParams, ResponseBody } from '../../../lib/api/types';

export type AdminSection = ResponseBody<'/admin/api/sections', 'get'>[number];
export type SectionFilter = QueryParams<'/admin/api/sections', 'get'>;

export const SECTIONS_KEY = ['admin', 'sections'] as const;

export function listSections(filter: SectionFilter): Promise<AdminSection[]> {
  return unwrap(api.GET('/admin/api/sections', { params: { query: filter } }));
}

export function useSections(filter: SectionFilter) {
  return useQuery({ queryKey: [...SECTIONS_KEY, 'list', filter], queryFn: () => listSections(filter) });
}
