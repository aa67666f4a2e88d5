import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { PERIODS_KEY } from './list-periods';

export type PeriodBody = RequestBody<'/admin/api/periods', 'post'>;

export function createPeriod(body: PeriodBody) {
  return unwrap(api.POST('/admin/api/periods', { body }));
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPeriod,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PERIODS_KEY }),
  });
}
