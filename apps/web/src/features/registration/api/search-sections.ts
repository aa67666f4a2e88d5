import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';

export type CatalogSection = ResponseBody<'/sugang/api/sections', 'get'>['items'][number];

/** Catalog sections whose subject code, subject name or professor contains `q`. */
export async function fetchSections(q: string): Promise<CatalogSection[]> {
  return (await unwrap(api.GET('/sugang/api/sections', { params: { query: { q, pageSize: 50 } } }))).items;
}

export function useSectionSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: registrationKeys.sections(query),
    queryFn: () => fetchSections(query),
    enabled: query.length >= 2,
  });
}
