import { describe, expect, it } from 'vitest';
import { fittingAlternatives, meetingsOverlap } from '../lib/timetable-fit';
import type { Meeting } from '../lib/timetable-fit';

const m = (day: Meeting['day'], start: string, end: string): Meeting => ({ day, start, end });

describe('which sections fit a timetable', () => {
  it('overlap is [start, end): an enclosing interval overlaps, touching ends do not, other days never', () => {
    expect(meetingsOverlap([m('TUE', '09:00', '12:00')], [m('TUE', '10:00', '11:00')])).toBe(true);
    expect(meetingsOverlap([m('TUE', '10:00', '11:00')], [m('TUE', '09:00', '12:00')])).toBe(true);
    expect(meetingsOverlap([m('TUE', '09:00', '10:30')], [m('TUE', '10:30', '12:00')])).toBe(false);
    expect(meetingsOverlap([m('MON', '09:00', '12:00')], [m('TUE', '09:00', '12:00')])).toBe(false);
    expect(
      meetingsOverlap([m('MON', '09:00', '10:00'), m('WED', '09:00', '10:00')], [m('WED', '09:30', '11:00')]),
    ).toBe(true);
  });

  it('alternatives: same subject code only, seats free, no overlap with what is held, never the full section', () => {
    const s = (id: number, code: string, available: number, meetings: Meeting[]) => ({
      id,
      available,
      subject: { code },
      meetings,
    });
    const candidates = [
      s(1, 'CS101', 0, [m('MON', '09:00', '10:30')]),
      s(2, 'CS101', 5, [m('TUE', '10:00', '11:00')]),
      s(3, 'CS101', 0, [m('WED', '09:00', '10:30')]),
      s(4, 'CS101', 2, [m('WED', '13:00', '14:30')]),
      s(5, 'CS1010', 9, [m('FRI', '13:00', '14:30')]),
      s(6, 'CS101', 3, [m('MON', '09:00', '10:30')]),
    ];
    const held = [
      { sectionId: 50, meetings: [m('TUE', '09:00', '12:00')] },
      // Holding the full section itself (a stale list) does not rule out its own time slot.
      { sectionId: 1, meetings: [m('MON', '09:00', '10:30')] },
    ];
    expect(fittingAlternatives(candidates, { id: 1, subjectCode: 'CS101' }, held).map((c) => c.id)).toEqual([
      4, 6,
    ]);
  });
});
