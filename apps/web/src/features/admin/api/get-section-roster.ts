import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { SECTIONS_KEY } from './list-sections';

export type SectionRoster = ResponseBody<'/admin/api/sections/{id}/roster', 'get'>;

export function getSectionRoster(id: number): Promise<SectionRoster> {
  return unwrap(api.GET('/admin/api/sections/{id}/roster', { params: { path: { id } } }));
}

export function useSectionRoster(id: number | undefined) {
  return useQuery({
    queryKey: [...SECTIONS_KEY, 'roster', id],
    queryFn: () => getSectionRoster(id ?? 0),
    enabled: id !== undefined,
  });
}
