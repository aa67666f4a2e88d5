import type { Db, Trx } from '../../platform/transactions.js';
import type { MeetingRow } from './meetings.js';

/** Meetings of many sections in one query (never one per section), grouped by section id. */
export function findMeetingRows(db: Db | Trx, sectionIds: readonly number[]): Promise<MeetingRow[]> {
  if (sectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('section_meetings')
    .select(['section_id', 'day', 'start_min', 'end_min'])
    .where('section_id', 'in', sectionIds)
    .orderBy('section_id')
    .orderBy('id')
    .execute();
}
