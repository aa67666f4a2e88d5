import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';
import { registrationKeys } from './query-keys';

export type Cart = ResponseBody<'/sugang/api/cart', 'get'>;
export type CartItem = Cart['items'][number];

export function fetchCart(): Promise<Cart> {
  return unwrap(api.GET('/sugang/api/cart'));
}

export function useCart() {
  return useQuery({ queryKey: registrationKeys.cart, queryFn: fetchCart });
}
