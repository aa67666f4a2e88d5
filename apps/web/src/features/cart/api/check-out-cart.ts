import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { CART_QUERY_KEY } from './get-cart';

export type CheckoutResult = ResponseBody<'/sugang/api/cart/checkout', 'post'>;

/** Registers every cart item; the key is made once per press, so a double click registers once. */
export function checkOutCart({ idempotencyKey }: { idempotencyKey: string }): Promise<CheckoutResult> {
  return unwrap(
    api.POST('/sugang/api/cart/checkout', {
      body: {},
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );
}

export function useCheckOutCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: checkOutCart,
    onSettled: () =>
      Promise.all(
        [CART_QUERY_KEY, ['enrollments'], ['timetable']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
