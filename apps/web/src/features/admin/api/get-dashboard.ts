import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type DashboardMonitor = ResponseBody<'/admin/api/monitor', 'get'>;

/** The dashboard's open periods and seat totals come from the monitor's shared snapshot (cheap). */
export function getDashboardMonitor(): Promise<DashboardMonitor> {
  return unwrap(api.GET('/admin/api/monitor'));
}

export function useDashboardMonitor() {
  return useQuery({ queryKey: ['admin', 'dashboard', 'monitor'], queryFn: getDashboardMonitor });
}
