import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { PERIODS_KEY } from './list-periods';

export type UpdatePeriodBody = RequestBody<'/admin/api/periods/{id}', 'patch'>;

export function updatePeriod({ id, body }: { id: number; body: UpdatePeriodBody }) {
  return unwrap(api.PATCH('/admin/api/periods/{id}', { params: { path: { id } }, body }));
}

export function useUpdatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePeriod,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PERIODS_KEY }),
  });
}
