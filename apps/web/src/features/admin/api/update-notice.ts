import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { NOTICES_KEY } from './list-notices';

export function updateNotice({
  id,
  body,
}: {
  id: number;
  body: RequestBody<'/admin/api/notices/{id}', 'patch'>;
}) {
  return unwrap(api.PATCH('/admin/api/notices/{id}', { params: { path: { id } }, body }));
}

export function useUpdateNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
