import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody, ResponseBody } from '../../../lib/api/types';

export type LogInBody = RequestBody<'/student/api/auth/login', 'post'>;
export type SignedInUser = ResponseBody<'/student/api/auth/login', 'post'>['user'];

/**
 * The server sets the httpOnly session cookie and the CSRF cookie; the bearer token in the body is
 * for API clients and is deliberately dropped here, so nothing that opens a session is kept in JS.
 */
export async function logIn(body: LogInBody): Promise<SignedInUser> {
  const { user } = await unwrap(api.POST('/student/api/auth/login', { body }));
  return user;
}

export function useLogIn() {
  return useMutation({ mutationFn: logIn });
}
