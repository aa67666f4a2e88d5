import { describe, expect, it } from 'vitest';
import { meetingToTimes } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import { assertNoTimeConflict, assertNotHeld, assertWithinCreditLimit } from './enrollment.rules.js';
import type { HeldSection } from './enrollment.rules.js';

const held = (section_id: number, subject_id: number, credits = 3): HeldSection => ({
  section_id,
  subject_id,
  credits,
  number: 1,
  subject_name: `과목${subject_id}`,
  subject_code: `S${subject_id}`,
});
const at = (day: MeetingTimes['day'], start: string, end: string) => meetingToTimes({ day, start, end });

/** What an assert threw, or undefined when it passed. */
function thrown(check: () => void): unknown {
  try {
    check();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('registration rules 2-4', () => {
  it('when the section or another section of its subject is held, it is ALREADY_ENROLLED or SAME_SUBJECT', () => {
    const mine = [held(7, 70)];
    expect(thrown(() => assertNotHeld(mine, { id: 7, subject_id: 70, credits: 3 }))).toMatchObject({
      code: 'ALREADY_ENROLLED',
    });
    expect(thrown(() => assertNotHeld(mine, { id: 8, subject_id: 70, credits: 3 }))).toMatchObject({
      code: 'SAME_SUBJECT',
      details: { sectionId: 7 },
    });
    expect(thrown(() => assertNotHeld(mine, { id: 9, subject_id: 90, credits: 3 }))).toBeUndefined();
  });

  it('when meetings overlap held sections, TIME_CONFLICT names the first conflicting one by section id', () => {
    const mine = [held(7, 70), held(9, 90), held(11, 110)];
    const meetings = new Map([
      [7, [at('MON', '09:00', '10:30')]],
      [9, [at('WED', '13:00', '16:00')]],
      [11, [at('WED', '15:00', '17:00')]],
      [20, [at('WED', '14:00', '15:30')]],
      [21, [at('THU', '14:00', '15:00')]],
    ]);
    expect(
      thrown(() => assertNoTimeConflict(mine, meetings, { id: 20, subject_id: 200, credits: 3 })),
    ).toMatchObject({
      code: 'TIME_CONFLICT',
      details: { sectionId: 9, subjectName: '과목90' },
    });
    expect(
      thrown(() => assertNoTimeConflict(mine, meetings, { id: 21, subject_id: 210, credits: 3 })),
    ).toBeUndefined();
  });

  it('when credits held plus the section pass the maximum, it is CREDIT_LIMIT; reaching it exactly is fine', () => {
    const mine = [held(1, 10, 4), held(2, 20, 4)];
    expect(
      thrown(() => assertWithinCreditLimit(mine, { id: 3, subject_id: 30, credits: 1 }, 9)),
    ).toBeUndefined();
    expect(
      thrown(() => assertWithinCreditLimit(mine, { id: 3, subject_id: 30, credits: 2 }, 9)),
    ).toMatchObject({
      code: 'CREDIT_LIMIT',
      details: { heldCredits: 8, sectionCredits: 2, maxCredits: 9 },
    });
  });
});
