import { AppError } from '../../platform/errors.js';
import type { MeetingRow } from './sections.repository.js';
import type { Meeting } from './sections.schema.js';

const DAY_ORDER = { MON: 0, TUE: 1, WED: 2, THU: 3, FRI: 4, SAT: 5 } as const;

export function toMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function meetingRowToMeeting(row: MeetingRow): Meeting {
  return { day: row.day, start: toClock(row.start_min), end: toClock(row.end_min) };
}

/** Half-open [start, end): 09:00-10:30 and 10:30-12:00 do not overlap; an enclosing interval does. */
export function overlaps(a: MeetingRow, b: MeetingRow): boolean {
  return a.day === b.day && a.start_min < b.end_min && b.start_min < a.end_min;
}

function describe(m: MeetingRow): string {
  return `${m.day} ${toClock(m.start_min)}-${toClock(m.end_min)}`;
}

/** Checks a section's meetings and returns them as rows in weekly order. */
export function meetingsToRows(meetings: readonly Meeting[]): MeetingRow[] {
  const rows = meetings.map((m) => ({
    day: m.day,
    start_min: toMinutes(m.start),
    end_min: toMinutes(m.end),
  }));
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
      const a = rows[i] as MeetingRow;
      const b = rows[j] as MeetingRow;
      if (overlaps(a, b)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `한 분반의 수업 시간이 겹칩니다: ${describe(a)}, ${describe(b)} / Meetings of one section overlap: ${describe(a)} and ${describe(b)}`,
        );
      }
    }
  }
  return rows.sort((a, b) => DAY_ORDER[a.day] - DAY_ORDER[b.day] || a.start_min - b.start_min);
}
