import type { Weekday } from '../../../lib/format';

export interface Meeting {
  day: Weekday;
  start: string;
  end: string;
}

function minutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** Half-open intervals [start, end), as the server checks them: enclosing intervals overlap too. */
export function meetingsOverlap(a: readonly Meeting[], b: readonly Meeting[]): boolean {
  return a.some((x) =>
    b.some((y) => x.day === y.day && minutes(x.start) < minutes(y.end) && minutes(y.start) < minutes(x.end)),
  );
}

/**
 * Other sections of the full section's subject that a student could take instead: seats free and
 * no meeting overlapping what they already hold (the full section itself aside).
 */
export function fittingAlternatives<
  S extends { id: number; available: number; subject: { code: string }; meetings: readonly Meeting[] },
>(
  candidates: readonly S[],
  full: { id: number; subjectCode: string },
  held: readonly { sectionId: number; meetings: readonly Meeting[] }[],
): S[] {
  return candidates.filter(
    (c) =>
      c.id !== full.id &&
      c.subject.code === full.subjectCode &&
      c.available > 0 &&
      !held.some((h) => h.sectionId !== full.id && meetingsOverlap(c.meetings, h.meetings)),
  );
}
