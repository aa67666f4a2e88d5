import type { Weekday } from '../../../lib/format';

export interface Meeting {
  day: Weekday;
  start: string;
  end: string;
}

/** A section the student already holds (registered) or keeps in the cart. */
export interface HeldSection {
  sectionId: number;
  sectionNumber: number;
  subjectName: string;
  credits: number;
  meetings: readonly Meeting[];
}

export interface Candidate {
  sectionId: number;
  credits: number;
  meetings: readonly Meeting[];
}

export interface PeriodLike {
  kind: 'registration' | 'cart' | 'add_drop';
  opensAt: string;
  years: readonly number[];
  maxCredits: number;
  open: boolean;
}

export type CartWarning =
  | { kind: 'conflict'; subjectName: string; sectionNumber: number }
  | { kind: 'credits'; total: number; max: number };

function minutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** Half-open [start, end): a class ending at 10:30 and one starting at 10:30 do not overlap. */
export function meetingsOverlap(a: Meeting, b: Meeting): boolean {
  return a.day === b.day && minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);
}

/** The held sections any of the candidate's meetings overlaps, each once, in the order given. */
export function findConflicts(candidate: Candidate, held: readonly HeldSection[]): HeldSection[] {
  return held.filter(
    (h) =>
      h.sectionId !== candidate.sectionId &&
      h.meetings.some((hm) => candidate.meetings.some((cm) => meetingsOverlap(hm, cm))),
  );
}

/**
 * The cap a checkout would meet, as the server picks it: the open registration or add/drop period
 * for the student's year, else the next one to open; a cart period sets no cap of its own.
 */
export function findCreditCap(periods: readonly PeriodLike[], year: number | undefined): number | undefined {
  if (year === undefined) return undefined;
  const mine = periods.filter((p) => p.kind !== 'cart' && p.years.includes(year));
  const open = mine.find((p) => p.open);
  if (open) return open.maxCredits;
  const next = [...mine].sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt))[0];
  return next?.maxCredits;
}

/**
 * What the student should know before putting a section in the cart: every registered or carted
 * section it overlaps, and the credit total if everything registered and carted were held at once.
 */
export function cartWarnings(input: {
  candidate: Candidate;
  enrolled: readonly HeldSection[];
  cart: readonly HeldSection[];
  maxCredits: number | undefined;
}): CartWarning[] {
  const { candidate, enrolled, cart, maxCredits } = input;
  // A section both registered and still in the cart counts once.
  const bySection = new Map([...enrolled, ...cart].map((h) => [h.sectionId, h]));
  bySection.delete(candidate.sectionId);
  const others = [...bySection.values()];
  const warnings: CartWarning[] = findConflicts(candidate, others).map((h) => ({
    kind: 'conflict',
    subjectName: h.subjectName,
    sectionNumber: h.sectionNumber,
  }));
  if (maxCredits !== undefined) {
    const total = others.reduce((sum, h) => sum + h.credits, 0) + candidate.credits;
    if (total > maxCredits) warnings.push({ kind: 'credits', total, max: maxCredits });
  }
  return warnings;
}
