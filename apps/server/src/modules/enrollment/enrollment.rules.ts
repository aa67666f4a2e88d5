import type { Weekday } from '@karina/db';

export { minutesToClock } from '../catalog/catalog.meetings.js';

export interface Meeting {
  day: Weekday;
  startMin: number;
  endMin: number;
}

/** Half-open intervals [start, end): 09:00-10:30 and 10:30-12:00 touch but do not overlap; enclosing ones do. */
export function meetingsOverlap(a: Meeting, b: Meeting): boolean {
  return a.day === b.day && a.startMin < b.endMin && b.startMin < a.endMin;
}

/** The first held section (by id) whose meetings overlap any of the candidate's. */
export function findTimeConflict(
  candidate: readonly Meeting[],
  held: ReadonlyMap<number, readonly Meeting[]>,
): number | undefined {
  for (const [sectionId, meetings] of held) {
    if (meetings.some((m) => candidate.some((c) => meetingsOverlap(m, c)))) return sectionId;
  }
  return undefined;
}

export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
