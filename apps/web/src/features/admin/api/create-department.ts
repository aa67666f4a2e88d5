import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody } from '../../../lib/api/types';
import { departmentsKey } from './list-departments';

export type CreateDepartmentInput = RequestBody<'/admin/api/departments', 'post'>;

export function createDepartment(body: CreateDepartmentInput) {
  return unwrap(api.POST('/admin/api/departments', { body }));
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsKey }),
  });
}
