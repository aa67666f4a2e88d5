import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import { CART_QUERY_KEY } from './get-cart';

export function removeFromCart({ sectionId, idempotencyKey }: { sectionId: number; idempotencyKey: string }) {
  return unwrap(
    api.DELETE('/sugang/api/cart/{sectionId}', {
      params: { path: { sectionId }, header: { 'idempotency-key': idempotencyKey } },
    }),
  );
}

export function useRemoveFromCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFromCart,
    onSettled: () => queryClient.invalidateQueries({ queryKey: CART_QUERY_KEY }),
  });
}
