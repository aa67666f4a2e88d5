import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { SECTIONS_KEY } from './list-sections';

export type CreateSectionBody = RequestBody<'/admin/api/sections', 'post'>;

export function createSection(body: CreateSectionBody) {
  return unwrap(api.POST('/admin/api/sections', { body }));
}

export function useCreateSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SECTIONS_KEY }),
  });
}
