import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { registrationKeys } from './query-keys';
import type { StateChange } from './register-section';
import { admissionHeaders } from './waiting-room';

export async function leaveWaitlist({
  sectionId,
  idempotencyKey,
  admissionToken,
}: StateChange): Promise<void> {
  await unwrap(
    api.DELETE('/sugang/api/waitlist/{sectionId}', {
      params: { path: { sectionId }, header: { 'idempotency-key': idempotencyKey } },
      headers: admissionHeaders(admissionToken),
    }),
  );
}

export function useLeaveWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveWaitlist,
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationKeys.all }),
  });
}
