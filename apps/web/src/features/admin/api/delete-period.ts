import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { PERIODS_KEY } from './list-periods';

export function deletePeriod(id: number) {
  return unwrap(api.DELETE('/admin/api/periods/{id}', { params: { path: { id } } }));
}

export function useDeletePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePeriod,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PERIODS_KEY }),
  });
}
