import { isCalendarDate } from './dates.js';
import { AppError } from './errors.js';

const SEOUL_OFFSET_MS = 9 * 3_600_000;
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Today's date in Seoul, where every student's birthday is counted. */
function seoulToday(now: number): string {
  return new Date(now + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The schema admits the characters; a number also needs enough digits to be dialled (E.164 has at most 15). */
export function isPlausibleTel(tel: string): boolean {
  const digits = tel.replace(/[^0-9]/g, '').length;
  return digits >= 8 && digits <= 15;
}

/** A real day, not before 1900 and not after today in Seoul. */
export function isPlausibleBirthDate(birthDate: string, now: number): boolean {
  return isCalendarDate(birthDate) && birthDate >= EARLIEST_BIRTH_DATE && birthDate <= seoulToday(now);
}

export function assertPlausibleTel(tel: string): void {
  if (!isPlausibleTel(tel)) throw new AppError('INVALID_TEL');
}

export function assertPlausibleBirthDate(birthDate: string, now: number): void {
  if (!isPlausibleBirthDate(birthDate, now)) throw new AppError('INVALID_BIRTH_DATE');
}
