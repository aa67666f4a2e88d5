import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type MonitorSnapshot = ResponseBody<'/admin/api/monitor', 'get'>;

const FALLBACK_REFRESH_MS = 2_000;

export function getMonitor(): Promise<MonitorSnapshot> {
  return unwrap(api.GET('/admin/api/monitor'));
}

/**
 * Polls at the server's own refreshMs (it computes one shared snapshot that often, so faster
 * polling would only fetch the same one); TanStack stops polling while the tab is hidden.
 */
export function useMonitor() {
  return useQuery({
    queryKey: ['admin', 'monitor'],
    queryFn: getMonitor,
    refetchInterval: (query) => query.state.data?.refreshMs ?? FALLBACK_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
