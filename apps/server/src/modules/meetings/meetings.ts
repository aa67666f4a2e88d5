import type { Weekday } from '@karina/db';
import type { Meeting } from './meetings.schema.js';

/**
 * The one home of a section's weekly meetings: the stored shape (minutes since midnight), the API
 * shape ("HH:MM"), their conversions, the overlap test of rule 3 and the weekly order.
 */

/** Monday first, as a Korean timetable reads; the database stores no order for days. */
export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A meeting as stored: the half-open interval [start_min, end_min) in minutes since midnight. */
export interface MeetingTimes {
  day: Weekday;
  start_min: number;
  end_min: number;
}

/** A stored meeting of one section. */
export interface MeetingRow extends MeetingTimes {
  section_id: number;
}

/** Minutes since midnight -> "HH:MM" (24:00 stays 24:00: a meeting may end at midnight). */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "HH:MM" -> minutes since midnight; the schemas have already checked the format. */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function meetingToTimes(meeting: Meeting): MeetingTimes {
  return { day: meeting.day, start_min: clockToMinutes(meeting.start), end_min: clockToMinutes(meeting.end) };
}

export function timesToMeeting(times: MeetingTimes): Meeting {
  return { day: times.day, start: minutesToClock(times.start_min), end: minutesToClock(times.end_min) };
}

/** Half-open intervals: 09:00-10:30 and 10:30-12:00 touch but do not overlap; enclosing ones do (the original missed those). */
export function meetingsOverlap(a: MeetingTimes, b: MeetingTimes): boolean {
  return a.day === b.day && a.start_min < b.end_min && b.start_min < a.end_min;
}

export function anyMeetingsOverlap(a: readonly MeetingTimes[], b: readonly MeetingTimes[]): boolean {
  return a.some((x) => b.some((y) => meetingsOverlap(x, y)));
}

/** Weekday, then start time. */
export function compareMeetings(a: MeetingTimes, b: MeetingTimes): number {
  return WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.start_min - b.start_min;
}

/** Meeting rows of many sections -> each section's meetings in weekly order, sections in the rows' order. */
export function groupMeetingRows(rows: readonly MeetingRow[]): Map<number, MeetingRow[]> {
  const bySection = new Map<number, MeetingRow[]>();
  for (const row of rows) {
    const list = bySection.get(row.section_id);
    if (list) list.push(row);
    else bySection.set(row.section_id, [row]);
  }
  for (const list of bySection.values()) list.sort(compareMeetings);
  return bySection;
}

/** Meeting rows of many sections -> each section's meetings as the API shows them, in weekly order. */
export function groupMeetings(rows: readonly MeetingRow[]): Map<number, Meeting[]> {
  const bySection = new Map<number, Meeting[]>();
  for (const [sectionId, list] of groupMeetingRows(rows)) bySection.set(sectionId, list.map(timesToMeeting));
  return bySection;
}
