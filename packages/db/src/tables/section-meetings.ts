import type { Generated } from 'kysely';

export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT';

export interface SectionMeetingsTable {
  id: Generated<number>;
  section_id: number;
  day: Weekday;
  /** Minutes since midnight; meetings are the half-open interval [start_min, end_min). */
  start_min: number;
  end_min: number;
}
