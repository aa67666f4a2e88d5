import type { Weekday } from '@karina/db';
import { WEEKDAYS, clockToMinutes } from '../meetings/meetings.js';
import type { TimetableItem } from './timetable.schema.js';

/** Korea has had no daylight saving time since 1988: one fixed +09:00 rule is the whole zone. */
const TZID = 'Asia/Seoul';
const SEOUL_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
/** One semester of weekly classes. */
const WEEKS = 16;
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF + one space. Splits only between
 * characters, so a multi-byte UTF-8 character (every Hangul syllable is three octets) stays whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A calendar date as days since the epoch -> "YYYYMMDD". */
function formatDate(epochDay: number): string {
  const d = new Date(epochDay * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

function formatUtc(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** Local date-time in Asia/Seoul; minutes may be 1440 (24:00), which is 00:00 the next day. */
function formatLocal(epochDay: number, minutes: number): string {
  const day = epochDay + Math.floor(minutes / 1440);
  const m = minutes % 1440;
  return `${formatDate(day)}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`;
}

/** The first date on or after today (in Seoul) that falls on that weekday, as days since the epoch. */
export function firstOccurrence(nowMs: number, day: Weekday): number {
  const today = Math.floor((nowMs + SEOUL_OFFSET_MS) / DAY_MS);
  const todayWeekday = new Date(today * DAY_MS).getUTCDay(); // 0 = Sunday
  const target = WEEKDAYS.indexOf(day) + 1; // MON = 1 .. SAT = 6
  return today + ((target - todayWeekday + 7) % 7);
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The timetable as an RFC 5545 calendar: one weekly-recurring event per meeting. */
export function timetableToIcs(items: readonly TimetableItem[], nowMs: number): string {
  const stamp = formatUtc(nowMs);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Karina//Sugang Timetable 1.0//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('수강신청 시간표')}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
  ];
  for (const item of items) {
    for (const meeting of item.meetings) {
      const date = firstOccurrence(nowMs, meeting.day);
      const start = clockToMinutes(meeting.start);
      const end = clockToMinutes(meeting.end);
      lines.push(
        'BEGIN:VEVENT',
        // Stable across exports, so a re-import updates the events instead of duplicating them.
        `UID:section-${item.sectionId}-${meeting.day}-${meeting.start.replace(':', '')}@karina`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${TZID}:${formatLocal(date, start)}`,
        `DTEND;TZID=${TZID}:${formatLocal(date, end)}`,
        `RRULE:FREQ=WEEKLY;COUNT=${WEEKS}`,
        `SUMMARY:${escapeText(`${item.subjectName} (${item.sectionNumber}분반)`)}`,
        `DESCRIPTION:${escapeText(item.professor?.name ?? '교수 미정')}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
