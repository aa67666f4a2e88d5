import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { studentsKey } from './list-students';

export type ImportResult = ResponseBody<'/admin/api/students/import', 'post'>;

/**
 * The file's bytes as they are, as text/csv (not multipart); all rows or none. Not decoded here:
 * a CP949 file read as UTF-8 would turn every 한글 name into U+FFFD, and the server refuses it instead.
 */
export async function importStudents(file: Blob): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return unwrap(
    api.POST('/admin/api/students/import', {
      // The typed body is the CSV text; the serializer sends the bytes in its place.
      body: '',
      bodySerializer: () => bytes,
      headers: { 'Content-Type': 'text/csv' },
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
