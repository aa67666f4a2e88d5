import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { NOTICES_KEY } from './list-notices';

export type NoticeBody = RequestBody<'/admin/api/notices', 'post'>;

export function createNotice(body: NoticeBody) {
  return unwrap(api.POST('/admin/api/notices', { body }));
}

export function useCreateNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNotice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
