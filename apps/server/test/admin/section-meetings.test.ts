import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockToMinutes, meetingsOverlap, minutesToClock } from '../../src/modules/meetings/meetings.js';
import type { MeetingTimes } from '../../src/modules/meetings/meetings.js';
import { meetingsToRows } from '../../src/modules/sections/sections.meetings.js';

const slot = fc.integer({ min: 0, max: 48 }).map((n) => n * 30);
const meeting = fc
  .tuple(fc.constantFrom('MON', 'TUE'), slot, slot)
  .filter(([, a, b]) => a !== b)
  .map(([day, a, b]): MeetingTimes => ({
    day,
    start_min: Math.min(a, b),
    end_min: Math.max(a, b),
  }));

describe('section meeting rules', () => {
  it('when two meetings share a minute they overlap, otherwise not (half-open, enclosing included)', () => {
    fc.assert(
      fc.property(meeting, meeting, (a, b) => {
        let shared = false;
        for (let m = a.start_min; m < a.end_min; m++)
          if (a.day === b.day && m >= b.start_min && m < b.end_min) shared = true;
        expect(meetingsOverlap(a, b)).toBe(shared);
        expect(meetingsOverlap(b, a)).toBe(shared);
      }),
    );
  });

  it('when meetings touch end to start they are accepted; an enclosed one is refused', () => {
    expect(
      meetingsToRows([
        { day: 'MON', start: '10:30', end: '12:00' },
        { day: 'MON', start: '09:00', end: '10:30' },
      ]),
    ).toEqual([
      { day: 'MON', start_min: 540, end_min: 630 },
      { day: 'MON', start_min: 630, end_min: 720 },
    ]);
    expect(() =>
      meetingsToRows([
        { day: 'MON', start: '09:00', end: '12:00' },
        { day: 'MON', start: '10:00', end: '10:30' },
      ]),
    ).toThrow(/overlap/);
    expect(() => meetingsToRows([{ day: 'MON', start: '12:00', end: '09:00' }])).toThrow(/end after/);
  });

  it('when a time is converted to minutes and back, it is unchanged', () => {
    for (const c of ['00:00', '09:30', '23:30', '24:00']) expect(minutesToClock(clockToMinutes(c))).toBe(c);
  });
});
