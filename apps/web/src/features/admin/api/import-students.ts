import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { studentsKey } from './list-students';

export type ImportResult = ResponseBody<'/admin/api/students/import', 'post'>;

/** The server takes the file itself as text/csv (not multipart), all rows or none. */
export function importStudents(csv: string): Promise<ImportResult> {
  return unwrap(
    api.POST('/admin/api/students/import', {
      body: csv,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      // openapi-fetch would JSON-encode the string otherwise.
      bodySerializer: (body: string) => body,
    }),
  );
}

export function useImportStudents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importStudents,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentsKey }),
  });
}
