import { AppError } from '../../platform/errors.js';
import { compareMeetings, meetingToTimes, meetingsOverlap, minutesToClock } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import type { Meeting } from '../meetings/meetings.schema.js';

function describe(m: MeetingTimes): string {
  return `${m.day} ${minutesToClock(m.start_min)}-${minutesToClock(m.end_min)}`;
}

/** Checks a section's meetings and returns them as rows in weekly order. */
export function meetingsToRows(meetings: readonly Meeting[]): MeetingTimes[] {
  const rows = meetings.map(meetingToTimes);
  for (const row of rows) {
    if (row.start_min >= row.end_min) {
      throw new AppError(
        'VALIDATION_FAILED',
        `수업 종료 시각이 시작 시각보다 늦어야 합니다: ${describe(row)} / A meeting must end after it starts: ${describe(row)}`,
      );
    }
  }
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i] as MeetingTimes;
      const b = rows[j] as MeetingTimes;
      if (meetingsOverlap(a, b)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `한 분반의 수업 시간이 겹칩니다: ${describe(a)}, ${describe(b)} / Meetings of one section overlap: ${describe(a)} and ${describe(b)}`,
        );
      }
    }
  }
  return rows.sort(compareMeetings);
}
