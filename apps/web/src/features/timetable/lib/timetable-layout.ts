import { WEEKDAYS } from '../../../lib/format';
import type { Weekday } from '../../../lib/format';

export interface Meeting {
  day: Weekday;
  start: string;
  end: string;
}

export interface Course {
  sectionId: number;
  meetings: readonly Meeting[];
}

export interface Block<C extends Course = Course> {
  course: C;
  meeting: Meeting;
  dayIndex: number;
  /** First 30-minute row (0-based) and how many rows it covers. */
  row: number;
  span: number;
  /** Side-by-side placement among the blocks it overlaps: lane `column` of `columns`. */
  column: number;
  columns: number;
  color: string;
}

export interface TimetableLayout<C extends Course = Course> {
  /** Row start times, "09:00", "09:30", …; the last row ends at `end`. */
  rows: string[];
  end: string;
  blocks: Block<C>[];
}

export const SLOT_MINUTES = 30;
const DEFAULT_START = 9 * 60;
const DEFAULT_END = 18 * 60;

/** Dark enough that white text on every one is above WCAG AA (4.5:1); the unit test checks it. */
export const COURSE_COLORS = [
  '#0b4f9c',
  '#1e6b34',
  '#8a2a86',
  '#9a3412',
  '#0f5f63',
  '#5b3fa8',
  '#7a4b00',
  '#a1264f',
  '#3d5a80',
  '#4a5360',
] as const;

export function toMinutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface Placed<C extends Course> extends Omit<Block<C>, 'column' | 'columns'> {
  startMin: number;
  endMin: number;
}

/**
 * Lanes for one day: blocks that overlap, directly or through a chain, form a cluster as wide as
 * its most blocks at once; each block takes the first lane free at its start. The server forbids
 * overlaps, so normally every cluster is one block wide; this keeps a bad row readable anyway.
 */
function assignLanes<C extends Course>(day: Placed<C>[]): Block<C>[] {
  const sorted = [...day].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  const out: Block<C>[] = [];
  let cluster: { block: Block<C>; endMin: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const flush = () => {
    for (const c of cluster) c.block.columns = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const p of sorted) {
    if (p.startMin >= clusterEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= p.startMin);
    if (lane === -1) lane = laneEnds.push(p.endMin) - 1;
    else laneEnds[lane] = p.endMin;
    const { startMin: _s, endMin: _e, ...rest } = p;
    const block: Block<C> = { ...rest, column: lane, columns: 1 };
    cluster.push({ block, endMin: p.endMin });
    out.push(block);
    clusterEnd = Math.max(clusterEnd, p.endMin);
  }
  flush();
  return out;
}

/**
 * The weekly grid: 30-minute rows from the earliest meeting to the latest (at least 09:00–18:00),
 * one colour per course in the order given, one block per meeting.
 */
export function layoutTimetable<C extends Course>(courses: readonly C[]): TimetableLayout<C> {
  const meetings = courses.flatMap((c) => c.meetings.map((m) => ({ c, m })));
  const earliest = Math.min(DEFAULT_START, ...meetings.map(({ m }) => toMinutes(m.start)));
  const latest = Math.max(DEFAULT_END, ...meetings.map(({ m }) => toMinutes(m.end)));
  const start = Math.floor(earliest / SLOT_MINUTES) * SLOT_MINUTES;
  const end = Math.ceil(latest / SLOT_MINUTES) * SLOT_MINUTES;
  const rows = Array.from({ length: (end - start) / SLOT_MINUTES }, (_, i) =>
    toClock(start + i * SLOT_MINUTES),
  );

  const colorOf = new Map<number, string>();
  for (const c of courses) {
    if (!colorOf.has(c.sectionId)) {
      colorOf.set(c.sectionId, COURSE_COLORS[colorOf.size % COURSE_COLORS.length] ?? COURSE_COLORS[0]);
    }
  }

  const byDay = new Map<number, Placed<C>[]>();
  for (const { c, m } of meetings) {
    const dayIndex = WEEKDAYS.indexOf(m.day);
    const startMin = toMinutes(m.start);
    const endMin = Math.max(toMinutes(m.end), startMin + 1);
    const row = Math.floor((startMin - start) / SLOT_MINUTES);
    const span = Math.ceil((endMin - start) / SLOT_MINUTES) - row;
    const list = byDay.get(dayIndex) ?? [];
    list.push({
      course: c,
      meeting: m,
      dayIndex,
      row,
      span,
      color: colorOf.get(c.sectionId) ?? COURSE_COLORS[0],
      startMin,
      endMin,
    });
    byDay.set(dayIndex, list);
  }

  const blocks = [...byDay.keys()].sort((a, b) => a - b).flatMap((d) => assignLanes(byDay.get(d) ?? []));
  return { rows, end: toClock(end), blocks };
}
