/** How far back a registrar may enter students (returning and late students) before the current year. */
export const ENTRY_YEAR_PAST = 20;
/** Next year's freshmen are registered before New Year. */
export const ENTRY_YEAR_AHEAD = 1;

export interface EntryYearRange {
  min: number;
  max: number;
}

const SEOUL_YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', year: 'numeric' });

/**
 * The 학번 keeps only the last two digits of the entry year, so the allowed span stays well under a
 * century around the clock's year (in Asia/Seoul): two students' 학번 never share a YY that stands
 * for different centuries.
 */
export function entryYearRange(now: number): EntryYearRange {
  const year = Number(SEOUL_YEAR.format(now));
  return { min: year - ENTRY_YEAR_PAST, max: year + ENTRY_YEAR_AHEAD };
}

export function isEntryYearAllowed(entryYear: number, range: EntryYearRange): boolean {
  return Number.isInteger(entryYear) && entryYear >= range.min && entryYear <= range.max;
}

export function entryYearProblem(range: EntryYearRange): string {
  return `entryYear: ${range.min}~${range.max}년 사이 / between ${range.min} and ${range.max}`;
}
