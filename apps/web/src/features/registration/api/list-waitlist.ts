import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';

export type WaitlistEntry = ResponseBody<'/sugang/api/waitlist', 'get'>['items'][number];

export async function fetchWaitlist(): Promise<WaitlistEntry[]> {
  return (await unwrap(api.GET('/sugang/api/waitlist'))).items;
}

export function useWaitlist() {
  return useQuery({ queryKey: registrationKeys.waitlist, queryFn: fetchWaitlist });
}
