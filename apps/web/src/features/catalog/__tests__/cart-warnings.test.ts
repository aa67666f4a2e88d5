import { describe, expect, it } from 'vitest';
import { cartWarnings, findConflicts, findCreditCap, meetingsOverlap } from '../lib/cart-warnings';
import type { HeldSection, PeriodLike } from '../lib/cart-warnings';

const held = (sectionId: number, name: string, credits: number, ...m: [string, string, string][]) =>
  ({
    sectionId,
    sectionNumber: 1,
    subjectName: name,
    credits,
    meetings: m.map(([day, start, end]) => ({ day, start, end })),
  }) as HeldSection;

describe('meetingsOverlap', () => {
  it('touching intervals [09:00,10:30) and [10:30,12:00) do not overlap, in either order', () => {
    const early = { day: 'MON', start: '09:00', end: '10:30' } as const;
    const late = { day: 'MON', start: '10:30', end: '12:00' } as const;
    expect(meetingsOverlap(early, late)).toBe(false);
    expect(meetingsOverlap(late, early)).toBe(false);
  });
  it('one minute-step of shared time is an overlap, in either order', () => {
    const a = { day: 'MON', start: '09:00', end: '10:30' } as const;
    const b = { day: 'MON', start: '10:00', end: '11:00' } as const;
    expect(meetingsOverlap(a, b)).toBe(true);
    expect(meetingsOverlap(b, a)).toBe(true);
  });
  it('an enclosing interval overlaps the one inside it (the original project missed this)', () => {
    const outer = { day: 'TUE', start: '09:00', end: '15:00' } as const;
    const inner = { day: 'TUE', start: '10:00', end: '11:00' } as const;
    expect(meetingsOverlap(outer, inner)).toBe(true);
    expect(meetingsOverlap(inner, outer)).toBe(true);
  });
  it('the same hours on different days do not overlap', () => {
    expect(
      meetingsOverlap(
        { day: 'MON', start: '09:00', end: '10:30' },
        { day: 'WED', start: '09:00', end: '10:30' },
      ),
    ).toBe(false);
  });
});

describe('findConflicts', () => {
  it('names each overlapping section once, even when several meetings overlap it', () => {
    const db = held(1, '자료구조', 3, ['MON', '09:00', '10:30'], ['WED', '09:00', '10:30']);
    const other = held(2, '미적분', 3, ['FRI', '13:00', '14:30']);
    const candidate = {
      sectionId: 9,
      credits: 3,
      meetings: [
        { day: 'MON', start: '10:00', end: '11:00' },
        { day: 'WED', start: '10:00', end: '11:00' },
      ],
    } as const;
    expect(findConflicts(candidate, [db, other])).toEqual([db]);
  });
  it('a section never conflicts with itself', () => {
    const s = held(1, '자료구조', 3, ['MON', '09:00', '10:30']);
    expect(findConflicts({ sectionId: 1, credits: 3, meetings: s.meetings }, [s])).toEqual([]);
  });
});

const period = (p: Partial<PeriodLike>): PeriodLike => ({
  kind: 'registration',
  opensAt: '2027-02-10T01:00:00.000Z',
  years: [1, 2, 3, 4],
  maxCredits: 18,
  open: false,
  ...p,
});

describe('findCreditCap', () => {
  it('the open registration period for the student’s year wins over an earlier upcoming one', () => {
    const periods = [
      period({ maxCredits: 21, opensAt: '2027-01-01T00:00:00.000Z' }),
      period({ maxCredits: 18, open: true, opensAt: '2027-03-01T00:00:00.000Z' }),
    ];
    expect(findCreditCap(periods, 2)).toBe(18);
  });
  it('with none open, the next to open; periods for other years and cart periods are ignored', () => {
    const periods = [
      period({ kind: 'cart', maxCredits: 9, open: true }),
      period({ years: [3], maxCredits: 12, opensAt: '2027-01-01T00:00:00.000Z' }),
      period({ maxCredits: 21, opensAt: '2027-03-01T00:00:00.000Z' }),
      period({ maxCredits: 19, opensAt: '2027-02-01T00:00:00.000Z' }),
    ];
    expect(findCreditCap(periods, 1)).toBe(19);
  });
  it('no period known (or no year) means no cap', () => {
    expect(findCreditCap([], 1)).toBeUndefined();
    expect(findCreditCap([period({ open: true })], undefined)).toBeUndefined();
  });
});

describe('cartWarnings', () => {
  const candidate = {
    sectionId: 10,
    credits: 3,
    meetings: [{ day: 'MON', start: '10:00', end: '11:00' }],
  } as const;

  it('warns of an overlap with a registered section and with a carted one', () => {
    const enrolled = [held(1, '자료구조', 3, ['MON', '09:00', '10:30'])];
    const cart = [held(2, '운영체제', 3, ['MON', '10:30', '12:00'])];
    expect(cartWarnings({ candidate, enrolled, cart, maxCredits: 18 })).toEqual([
      { kind: 'conflict', subjectName: '자료구조', sectionNumber: 1 },
      { kind: 'conflict', subjectName: '운영체제', sectionNumber: 1 },
    ]);
  });

  it('warns when registered + carted + this section exceed the cap (19/18), not when they reach it', () => {
    const enrolled = [held(1, 'A', 6, ['TUE', '09:00', '10:00']), held(2, 'B', 6, ['TUE', '10:00', '11:00'])];
    const cart = [held(3, 'C', 4, ['TUE', '11:00', '12:00'])];
    expect(cartWarnings({ candidate, enrolled, cart, maxCredits: 18 })).toEqual([
      { kind: 'credits', total: 19, max: 18 },
    ]);
    expect(cartWarnings({ candidate, enrolled, cart, maxCredits: 19 })).toEqual([]);
  });

  it('a section both registered and carted counts once, and the candidate itself is not counted twice', () => {
    const s = held(1, 'A', 6, ['TUE', '09:00', '10:00']);
    const again = { ...candidate, sectionId: 10, credits: 6 };
    const inCart = held(10, 'Self', 6, ['MON', '10:00', '11:00']);
    expect(cartWarnings({ candidate: again, enrolled: [s], cart: [s, inCart], maxCredits: 12 })).toEqual([]);
  });

  it('without a known cap there is no credit warning', () => {
    const enrolled = [held(1, 'A', 6, ['TUE', '09:00', '10:00'])];
    expect(cartWarnings({ candidate, enrolled, cart: [], maxCredits: undefined })).toEqual([]);
  });
});
