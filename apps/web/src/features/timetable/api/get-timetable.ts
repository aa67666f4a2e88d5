import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api/api-error';
import { api, unwrap } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Timetable = Exclude<ResponseBody<'/sugang/api/timetable', 'get'>, string>;
export type TimetableItem = Timetable['items'][number];

/** The .ics file of the same timetable; a plain same-origin link, so the session cookie goes along. */
export const TIMETABLE_ICS_URL = '/sugang/api/timetable?format=ics';

export async function getTimetable(): Promise<Timetable> {
  const data = await unwrap(api.GET('/sugang/api/timetable'));
  // Without ?format the server answers JSON; the calendar text only ever arrives as a download.
  if (typeof data === 'string') throw new ApiError(0, 'UNKNOWN_ERROR', 'timetable was not JSON');
  return data;
}

export function useTimetable() {
  return useQuery({ queryKey: ['timetable'], queryFn: getTimetable });
}
