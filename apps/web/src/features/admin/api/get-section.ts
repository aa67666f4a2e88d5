import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { AdminSection } from './list-sections';
import { SECTIONS_KEY } from './list-sections';

export function getSection(id: number): Promise<AdminSection> {
  return unwrap(api.GET('/admin/api/sections/{id}', { params: { path: { id } } }));
}

export function useSection(id: number | undefined) {
  return useQuery({
    queryKey: [...SECTIONS_KEY, 'one', id],
    queryFn: () => getSection(id ?? 0),
    enabled: id !== undefined,
  });
}
