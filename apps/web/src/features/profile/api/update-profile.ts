import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { ME_QUERY_KEY } from '../../../lib/session';
import { PROFILE_QUERY_KEY } from './get-profile';
import type { Profile } from './get-profile';

export type UpdateProfileBody = RequestBody<'/student/api/me', 'patch'>;

export function updateProfile(body: UpdateProfileBody): Promise<Profile> {
  return unwrap(api.PATCH('/student/api/me', { body }));
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(PROFILE_QUERY_KEY, profile);
      queryClient.setQueryData(ME_QUERY_KEY, profile);
    },
  });
}
