import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';

export type ChangePasswordBody = RequestBody<'/student/api/me/password', 'post'>;

export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await unwrap(api.POST('/student/api/me/password', { body }));
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
