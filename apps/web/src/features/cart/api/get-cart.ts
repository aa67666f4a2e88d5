import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Cart = ResponseBody<'/sugang/api/cart', 'get'>;
export type CartItem = Cart['items'][number];
// The same key the catalog's add-to-cart refreshes, so a page showing the cart follows it.
export const CART_QUERY_KEY = ['cart'] as const;

export function getCart(): Promise<Cart> {
  return unwrap(api.GET('/sugang/api/cart'));
}

export function useCart() {
  return useQuery({ queryKey: CART_QUERY_KEY, queryFn: getCart });
}
