import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { SEATS_REFRESH_MS } from './search-sections';

export type SectionDetail = ResponseBody<'/sugang/api/sections/{id}', 'get'>;

export function getSection(id: number): Promise<SectionDetail> {
  return unwrap(api.GET('/sugang/api/sections/{id}', { params: { path: { id } } }));
}

export function useSection(id: number) {
  return useQuery({
    queryKey: ['catalog', 'section', id],
    queryFn: () => getSection(id),
    refetchInterval: SEATS_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
