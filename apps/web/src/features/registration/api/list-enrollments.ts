import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';

export type Enrollments = ResponseBody<'/sugang/api/enrollments', 'get'>;
export type Enrollment = Enrollments['items'][number];

export function fetchEnrollments(): Promise<Enrollments> {
  return unwrap(api.GET('/sugang/api/enrollments'));
}

export function useEnrollments() {
  return useQuery({ queryKey: registrationKeys.enrollments, queryFn: fetchEnrollments });
}
