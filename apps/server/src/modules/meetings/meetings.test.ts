import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockToMinutes,
  groupMeetingRows,
  groupMeetings,
  meetingToTimes,
  meetingsOverlap,
  minutesToClock,
  timesToMeeting,
} from './meetings.js';
import type { MeetingTimes } from './meetings.js';

const m = (day: MeetingTimes['day'], start: string, end: string): MeetingTimes =>
  meetingToTimes({ day, start, end });

describe('meetings', () => {
  it('when one meeting encloses another on the same day, they overlap (the original missed this)', () => {
    expect(meetingsOverlap(m('MON', '09:00', '12:00'), m('MON', '10:00', '10:30'))).toBe(true);
    expect(meetingsOverlap(m('MON', '10:00', '10:30'), m('MON', '09:00', '12:00'))).toBe(true);
  });

  it('when meetings only touch at an end, or fall on different days, they do not overlap', () => {
    expect(meetingsOverlap(m('TUE', '09:00', '10:30'), m('TUE', '10:30', '12:00'))).toBe(false);
    expect(meetingsOverlap(m('MON', '09:00', '12:00'), m('TUE', '09:00', '12:00'))).toBe(false);
  });

  it('agrees with a minute-by-minute check for any two intervals', () => {
    const slot = fc.integer({ min: 0, max: 47 });
    fc.assert(
      fc.property(slot, slot, slot, slot, (a, b, c, d) => {
        const [s1, e1] = a < b ? [a, b] : [b, a + 1];
        const [s2, e2] = c < d ? [c, d] : [d, c + 1];
        const x: MeetingTimes = { day: 'WED', start_min: s1 * 30, end_min: e1 * 30 };
        const y: MeetingTimes = { day: 'WED', start_min: s2 * 30, end_min: e2 * 30 };
        let shared = false;
        for (let t = 0; t < 24 * 60 + 60; t++)
          if (t >= x.start_min && t < x.end_min && t >= y.start_min && t < y.end_min) shared = true;
        expect(meetingsOverlap(x, y)).toBe(shared);
      }),
    );
  });

  it('when rows of several sections arrive in entry order, each section gets its meetings in weekly order', () => {
    const rows = [
      { section_id: 3, ...m('THU', '09:00', '10:30') },
      { section_id: 3, ...m('MON', '13:00', '14:00') },
      { section_id: 1, ...m('SAT', '09:00', '12:00') },
      { section_id: 3, ...m('MON', '09:00', '10:00') },
    ];
    expect([...groupMeetingRows(rows).keys()]).toEqual([3, 1]);
    expect(groupMeetings(rows).get(3)).toEqual([
      { day: 'MON', start: '09:00', end: '10:00' },
      { day: 'MON', start: '13:00', end: '14:00' },
      { day: 'THU', start: '09:00', end: '10:30' },
    ]);
  });

  it('converts clock times both ways, 24:00 included', () => {
    expect(minutesToClock(570)).toBe('09:30');
    expect(clockToMinutes('24:00')).toBe(1440);
    for (const c of ['00:00', '09:30', '23:30', '24:00']) expect(minutesToClock(clockToMinutes(c))).toBe(c);
    expect(timesToMeeting(m('FRI', '10:30', '24:00'))).toEqual({ day: 'FRI', start: '10:30', end: '24:00' });
  });
});
