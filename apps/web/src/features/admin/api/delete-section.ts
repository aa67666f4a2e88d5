import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { SECTIONS_KEY } from './list-sections';

export function deleteSection(id: number) {
  return unwrap(api.DELETE('/admin/api/sections/{id}', { params: { path: { id } } }));
}

export function useDeleteSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SECTIONS_KEY }),
  });
}
