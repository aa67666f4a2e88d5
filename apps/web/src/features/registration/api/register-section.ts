import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';
import { admissionHeaders } from './waiting-room';

export type Registered = ResponseBody<'/sugang/api/enrollments', 'post'>;

export interface StateChange {
  sectionId: number;
  /** Made once per user action: a double click or a retry replays the first outcome. */
  idempotencyKey: string;
  admissionToken?: string;
}

export function registerSection({
  sectionId,
  idempotencyKey,
  admissionToken,
}: StateChange): Promise<Registered> {
  return unwrap(
    api.POST('/sugang/api/enrollments', {
      body: { sectionId },
      params: { header: { 'idempotency-key': idempotencyKey } },
      headers: admissionHeaders(admissionToken),
    }),
  );
}

/** Sends the register call alone; the lists are refreshed only after the server has answered. */
export function useRegisterSection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerSection,
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationKeys.all }),
  });
}
