import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client';
import type { ResponseBody } from './api/types';

export type Me = ResponseBody<'/student/api/me', 'get'>;
export const ME_QUERY_KEY = ['me'] as const;

/** Who is signed in (by the httpOnly cookie), or null; "nobody" is a 200, not an error. */
export async function fetchMe(): Promise<Me | null> {
  return (await unwrap(api.GET('/student/api/session'))).user;
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
