import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export function resetStudentPassword(id: number) {
  return unwrap(api.POST('/admin/api/students/{id}/reset-password', { params: { path: { id } } }));
}

export function useResetStudentPassword() {
  return useMutation({ mutationFn: resetStudentPassword });
}
