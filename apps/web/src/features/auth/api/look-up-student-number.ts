import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { RequestBody, ResponseBody } from '../../../lib/api/types';

export type LookupBody = RequestBody<'/student/api/auth/lookup', 'post'>;
export type LookupResult = ResponseBody<'/student/api/auth/lookup', 'post'>;

export function lookUpStudentNumber(body: LookupBody): Promise<LookupResult> {
  return unwrap(api.POST('/student/api/auth/lookup', { body }));
}

export function useLookUpStudentNumber() {
  return useMutation({ mutationFn: lookUpStudentNumber });
}
