import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';
import type { StateChange } from './register-section';
import { admissionHeaders } from './waiting-room';

export type WaitlistPlace = ResponseBody<'/sugang/api/waitlist', 'post'>;

export function joinWaitlist({
  sectionId,
  idempotencyKey,
  admissionToken,
}: StateChange): Promise<WaitlistPlace> {
  return unwrap(
    api.POST('/sugang/api/waitlist', {
      body: { sectionId },
      params: { header: { 'idempotency-key': idempotencyKey } },
      headers: admissionHeaders(admissionToken),
    }),
  );
}

export function useJoinWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinWaitlist,
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationKeys.all }),
  });
}
