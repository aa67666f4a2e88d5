import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Profile = ResponseBody<'/student/api/me', 'get'>;
export const PROFILE_QUERY_KEY = ['me', 'profile'] as const;

export function getProfile(): Promise<Profile> {
  return unwrap(api.GET('/student/api/me'));
}

export function useProfile() {
  return useQuery({ queryKey: PROFILE_QUERY_KEY, queryFn: getProfile });
}
