import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import type { CatalogApiQuery } from '../lib/catalog-query';

export type CatalogPage = ResponseBody<'/sugang/api/sections', 'get'>;
export type CatalogSection = CatalogPage['items'][number];

/** Seat counts move fast near the opening; every 15 s is live enough without adding load. */
export const SEATS_REFRESH_MS = 15_000;

export function searchSections(query: CatalogApiQuery): Promise<CatalogPage> {
  return unwrap(api.GET('/sugang/api/sections', { params: { query } }));
}

export function searchSectionsOptions(query: CatalogApiQuery) {
  return queryOptions({
    queryKey: ['catalog', 'sections', query],
    queryFn: () => searchSections(query),
    placeholderData: keepPreviousData,
    // Only while the tab is visible: a hidden tab never polls (refetchIntervalInBackground off).
    refetchInterval: SEATS_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export function useSearchSections(query: CatalogApiQuery) {
  return useQuery(searchSectionsOptions(query));
}
