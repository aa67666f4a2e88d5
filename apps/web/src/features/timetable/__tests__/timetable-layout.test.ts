import { describe, expect, it } from 'vitest';
import { COURSE_COLORS, layoutTimetable } from '../lib/timetable-layout';
import type { Course } from '../lib/timetable-layout';

const course = (sectionId: number, ...m: [string, string, string][]) =>
  ({ sectionId, meetings: m.map(([day, start, end]) => ({ day, start, end })) }) as Course;

const summary = (c: ReturnType<typeof layoutTimetable>) =>
  c.blocks.map((b) => ({
    id: b.course.sectionId,
    day: b.dayIndex,
    row: b.row,
    span: b.span,
    column: b.column,
    columns: b.columns,
  }));

describe('layoutTimetable', () => {
  it('an empty week still shows 09:00–18:00 in 18 half-hour rows', () => {
    const layout = layoutTimetable([]);
    expect(layout.rows[0]).toBe('09:00');
    expect(layout.rows.at(-1)).toBe('17:30');
    expect(layout.rows).toHaveLength(18);
    expect(layout.end).toBe('18:00');
    expect(layout.blocks).toEqual([]);
  });

  it('stretches from the earliest meeting to the latest, on half-hour boundaries', () => {
    const layout = layoutTimetable([
      course(1, ['MON', '08:00', '09:30']),
      course(2, ['SAT', '19:00', '20:30']),
    ]);
    expect(layout.rows[0]).toBe('08:00');
    expect(layout.end).toBe('20:30');
    expect(summary(layout)).toEqual([
      { id: 1, day: 0, row: 0, span: 3, column: 0, columns: 1 },
      { id: 2, day: 5, row: 22, span: 3, column: 0, columns: 1 },
    ]);
  });

  it('a course meeting twice a week is a block on each day, both in its one colour', () => {
    const layout = layoutTimetable([
      course(1, ['MON', '09:00', '10:30'], ['WED', '09:00', '10:30']),
      course(2, ['TUE', '13:00', '15:00']),
    ]);
    expect(summary(layout)).toEqual([
      { id: 1, day: 0, row: 0, span: 3, column: 0, columns: 1 },
      { id: 2, day: 1, row: 8, span: 4, column: 0, columns: 1 },
      { id: 1, day: 2, row: 0, span: 3, column: 0, columns: 1 },
    ]);
    const colors = layout.blocks.map((b) => b.color);
    expect(colors[0]).toBe(colors[2]);
    expect(colors[1]).not.toBe(colors[0]);
  });

  it('blocks back to back ([start, end)) share a lane; overlapping ones sit side by side', () => {
    const touching = layoutTimetable([
      course(1, ['MON', '09:00', '10:30']),
      course(2, ['MON', '10:30', '12:00']),
    ]);
    expect(summary(touching).map((b) => [b.column, b.columns])).toEqual([
      [0, 1],
      [0, 1],
    ]);

    const overlapping = layoutTimetable([
      course(1, ['MON', '09:00', '12:00']),
      course(2, ['MON', '10:00', '11:00']),
      course(3, ['MON', '11:00', '12:30']),
      course(4, ['MON', '14:00', '15:00']),
    ]);
    expect(summary(overlapping)).toEqual([
      { id: 1, day: 0, row: 0, span: 6, column: 0, columns: 2 },
      { id: 2, day: 0, row: 2, span: 2, column: 1, columns: 2 },
      { id: 3, day: 0, row: 4, span: 3, column: 1, columns: 2 },
      { id: 4, day: 0, row: 10, span: 2, column: 0, columns: 1 },
    ]);
  });

  it('three at once make three lanes', () => {
    const layout = layoutTimetable([
      course(1, ['FRI', '09:00', '11:00']),
      course(2, ['FRI', '09:30', '10:30']),
      course(3, ['FRI', '10:00', '11:00']),
    ]);
    expect(summary(layout).map((b) => [b.column, b.columns])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it('a meeting off the half-hour grid still covers every row it touches', () => {
    const layout = layoutTimetable([course(1, ['THU', '09:15', '10:10'])]);
    expect(summary(layout)).toEqual([{ id: 1, day: 3, row: 0, span: 3, column: 0, columns: 1 }]);
  });

  it('colours repeat only after every colour is used', () => {
    const courses = Array.from({ length: COURSE_COLORS.length + 1 }, (_, i) =>
      course(i + 1, ['MON', '09:00', '09:30']),
    );
    const colors = layoutTimetable(courses).blocks.map((b) => b.color);
    expect(new Set(colors.slice(0, COURSE_COLORS.length)).size).toBe(COURSE_COLORS.length);
    expect(colors.at(-1)).toBe(colors[0]);
  });
});

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('course colours', () => {
  it.each(COURSE_COLORS)('white text on %s meets WCAG AA (4.5:1)', (color) => {
    expect((1 + 0.05) / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
