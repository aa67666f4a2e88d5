import { api, unwrap } from '../../../lib/api/client';

/** One sample of the server clock; never cached, every call is a fresh round trip. */
export async function fetchServerEpochMs(): Promise<number> {
  const time = await unwrap(api.GET('/sugang/api/time', { cache: 'no-store' }));
  return time.epochMs;
}
