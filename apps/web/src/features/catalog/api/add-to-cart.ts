import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { CART_QUERY_KEY } from './get-cart';

/** The key is made once per user action by the caller, so a double click replays, never adds twice. */
export function addToCart({ sectionId, idempotencyKey }: { sectionId: number; idempotencyKey: string }) {
  return unwrap(
    api.POST('/sugang/api/cart', {
      body: { sectionId },
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );
}

export function useAddToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addToCart,
    onSettled: () => queryClient.invalidateQueries({ queryKey: CART_QUERY_KEY }),
  });
}
