import { WEEKDAYS } from '../../../lib/format';
import type { Weekday } from '../../../lib/format';

export interface MeetingRow {
  key: number;
  day: Weekday;
  start: string;
  end: string;
}

export type MeetingProblem = 'endBeforeStart' | 'overlap';
export const MAX_MEETINGS = 10;

/** Every half hour from 08:00 to 22:00: the server takes 30-minute steps only. */
export const CLOCK_STEPS: readonly string[] = Array.from({ length: 29 }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
});

export const DAYS: readonly Weekday[] = WEEKDAYS;

function toMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * What is wrong with each row, by key: an end not after its start, or an overlap with another of
 * the section's own meetings (half-open, so 09:00–10:30 and 10:30–12:00 only touch).
 */
export function meetingProblems(rows: readonly MeetingRow[]): Map<number, MeetingProblem> {
  const problems = new Map<number, MeetingProblem>();
  for (const row of rows) {
    if (toMinutes(row.end) <= toMinutes(row.start)) problems.set(row.key, 'endBeforeStart');
  }
  for (const a of rows) {
    if (problems.has(a.key)) continue;
    for (const b of rows) {
      if (a.key === b.key || a.day !== b.day || problems.get(b.key) === 'endBeforeStart') continue;
      if (toMinutes(a.start) < toMinutes(b.end) && toMinutes(b.start) < toMinutes(a.end)) {
        problems.set(a.key, 'overlap');
        break;
      }
    }
  }
  return problems;
}
