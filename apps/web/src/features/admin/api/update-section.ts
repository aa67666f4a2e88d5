import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { SECTIONS_KEY } from './list-sections';

export type UpdateSectionBody = RequestBody<'/admin/api/sections/{id}', 'patch'>;

export function updateSection({ id, body }: { id: number; body: UpdateSectionBody }) {
  return unwrap(api.PATCH('/admin/api/sections/{id}', { params: { path: { id } }, body }));
}

export function useUpdateSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SECTIONS_KEY }),
  });
}
