import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Cart = ResponseBody<'/sugang/api/cart', 'get'>;
export const CART_QUERY_KEY = ['cart'] as const;

export function getCart(): Promise<Cart> {
  return unwrap(api.GET('/sugang/api/cart'));
}
