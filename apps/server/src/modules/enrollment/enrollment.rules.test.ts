import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockToMinutes, findTimeConflict, meetingsOverlap, minutesToClock } from './enrollment.rules.js';
import type { Meeting } from './enrollment.rules.js';

const m = (day: Meeting['day'], start: string, end: string): Meeting => ({
  day,
  startMin: clockToMinutes(start),
  endMin: clockToMinutes(end),
});

describe('time overlap', () => {
  it('when one meeting encloses another on the same day, they overlap (the original missed this)', () => {
    expect(meetingsOverlap(m('MON', '09:00', '12:00'), m('MON', '10:00', '10:30'))).toBe(true);
    expect(meetingsOverlap(m('MON', '10:00', '10:30'), m('MON', '09:00', '12:00'))).toBe(true);
  });

  it('when meetings only touch at an end, they do not overlap', () => {
    expect(meetingsOverlap(m('TUE', '09:00', '10:30'), m('TUE', '10:30', '12:00'))).toBe(false);
  });

  it('when days differ, nothing overlaps', () => {
    expect(meetingsOverlap(m('MON', '09:00', '12:00'), m('TUE', '09:00', '12:00'))).toBe(false);
  });

  it('agrees with a minute-by-minute check for any two intervals', () => {
    const slot = fc.integer({ min: 0, max: 47 });
    fc.assert(
      fc.property(slot, slot, slot, slot, (a, b, c, d) => {
        const [s1, e1] = a < b ? [a, b] : [b, a + 1];
        const [s2, e2] = c < d ? [c, d] : [d, c + 1];
        const x: Meeting = { day: 'WED', startMin: s1 * 30, endMin: e1 * 30 };
        const y: Meeting = { day: 'WED', startMin: s2 * 30, endMin: e2 * 30 };
        let shared = false;
        for (let t = 0; t < 24 * 60 + 60; t++)
          if (t >= x.startMin && t < x.endMin && t >= y.startMin && t < y.endMin) shared = true;
        expect(meetingsOverlap(x, y)).toBe(shared);
      }),
    );
  });

  it('names the held section that conflicts', () => {
    const held = new Map([
      [7, [m('MON', '09:00', '10:30')]],
      [9, [m('WED', '13:00', '16:00')]],
    ]);
    expect(findTimeConflict([m('WED', '14:00', '15:00')], held)).toBe(9);
    expect(findTimeConflict([m('THU', '14:00', '15:00')], held)).toBeUndefined();
  });

  it('formats and parses clock times', () => {
    expect(minutesToClock(570)).toBe('09:30');
    expect(clockToMinutes('24:00')).toBe(1440);
  });
});
