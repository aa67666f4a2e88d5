import { AppError } from '../../platform/errors.js';
import { anyMeetingsOverlap } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';

/**
 * Rules 2-4 of PRODUCT.md as pure checks over what the caller read under the student's row lock.
 * Registration, wait-list join, wait-list promotion and cart warnings all call these, in this order:
 * assertNotHeld -> assertNoTimeConflict -> assertWithinCreditLimit.
 */

/** A section the student holds, with what the rules and their messages need. */
export interface HeldSection {
  section_id: number;
  subject_id: number;
  credits: number;
  number: number;
  subject_name: string;
  subject_code: string;
}

/** The section asked for. */
export interface CandidateSection {
  id: number;
  subject_id: number;
  credits: number;
}

/** Rule 2: not this section again, nor another section of the same subject. */
export function assertNotHeld(held: readonly HeldSection[], candidate: CandidateSection): void {
  if (held.some((h) => h.section_id === candidate.id)) throw new AppError('ALREADY_ENROLLED');
  const same = held.find((h) => h.subject_id === candidate.subject_id);
  if (same) {
    throw new AppError(
      'SAME_SUBJECT',
      `같은 교과목의 ${same.number}분반을 이미 신청했습니다 / Already enrolled in section ${same.number} of ${same.subject_name}`,
      { sectionId: same.section_id },
    );
  }
}

/**
 * Rule 3: no meeting of the candidate overlaps one of a held section; the error names the first
 * conflicting held section in the order given.
 */
export function assertNoTimeConflict(
  held: readonly HeldSection[],
  meetings: ReadonlyMap<number, readonly MeetingTimes[]>,
  candidate: CandidateSection,
): void {
  const mine = meetings.get(candidate.id) ?? [];
  for (const other of held) {
    if (other.section_id === candidate.id) continue;
    if (!anyMeetingsOverlap(mine, meetings.get(other.section_id) ?? [])) continue;
    throw new AppError(
      'TIME_CONFLICT',
      `${other.subject_name} ${other.number}분반과(와) 시간이 겹칩니다 / Time conflict with ${other.subject_code} section ${other.number}`,
      {
        sectionId: other.section_id,
        subjectCode: other.subject_code,
        subjectName: other.subject_name,
        sectionNumber: other.number,
      },
    );
  }
}

export function creditsHeld(held: readonly HeldSection[]): number {
  return held.reduce((sum, h) => sum + h.credits, 0);
}

/** Rule 4: credits held plus the candidate's stay within the period's maximum. */
export function assertWithinCreditLimit(
  held: readonly HeldSection[],
  candidate: CandidateSection,
  maxCredits: number,
): void {
  const heldCredits = creditsHeld(held);
  if (heldCredits + candidate.credits > maxCredits) {
    throw new AppError(
      'CREDIT_LIMIT',
      `최대 ${maxCredits}학점까지 신청할 수 있습니다 (현재 ${heldCredits}학점) / Credit limit ${maxCredits} exceeded: holding ${heldCredits}, this section adds ${candidate.credits}`,
      { heldCredits, sectionCredits: candidate.credits, maxCredits },
    );
  }
}
