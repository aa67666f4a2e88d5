import { useQuery } from '@tanstack/react-query';
import { ApiError } from './api/api-error';
import { api, unwrap } from './api/client';
import type { ResponseBody } from './api/types';

export type Me = ResponseBody<'/student/api/me', 'get'>;
export const ME_QUERY_KEY = ['me'] as const;

/** Who is signed in (by the httpOnly cookie), or null; never throws on "nobody". */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/student/api/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Where to go after sign-in: the page the user was sent away from, if it is one of ours. */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function homeOf(me: Pick<Me, 'role'>): string {
  return me.role === 'admin' ? '/admin' : '/sugang';
}

/** Ends the session on the server (the cookie stops working at once), then forgets it here. */
export async function signOut(): Promise<void> {
  await unwrap(api.POST('/student/api/auth/logout'));
}
