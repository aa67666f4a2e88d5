import type { Weekday } from '@karina/db';

/** Monday first, as a Korean timetable reads; the database stores no order for days. */
export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export interface Meeting {
  day: Weekday;
  start: string;
  end: string;
}

export interface MeetingRow {
  section_id: number;
  day: Weekday;
  start_min: number;
  end_min: number;
}

/** Minutes since midnight -> "HH:MM" (24:00 stays 24:00: a meeting may end at midnight). */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function compareMeetingRows(a: MeetingRow, b: MeetingRow): number {
  return WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.start_min - b.start_min;
}

/** Meeting rows of many sections -> each section's meetings in weekday and start order. */
export function groupMeetings(rows: readonly MeetingRow[]): Map<number, Meeting[]> {
  const bySection = new Map<number, Meeting[]>();
  for (const row of [...rows].sort(compareMeetingRows)) {
    const list = bySection.get(row.section_id) ?? [];
    list.push({ day: row.day, start: minutesToClock(row.start_min), end: minutesToClock(row.end_min) });
    bySection.set(row.section_id, list);
  }
  return bySection;
}

/** A section's professor, or null for 교수 미정 (never assigned, or deleted since). */
export function professorOrTba(id: number | null, name: string | null): { id: number; name: string } | null {
  return id !== null && name !== null ? { id, name } : null;
}
