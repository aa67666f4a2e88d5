import type { Locale } from './i18n/i18n';

/** Karina's university runs on Seoul time; every date and time is shown in it, whatever the device says. */
export const TIME_ZONE = 'Asia/Seoul';
const LOCALE_TAG: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAG[locale], { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

export function formatDateTime(value: string | number | Date, locale: Locale): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
    new Date(value),
  );
}

export function formatDateTimeSeconds(value: string | number | Date, locale: Locale): string {
  return formatter(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

export function formatDate(value: string | number | Date, locale: Locale): string {
  return formatter(locale, { dateStyle: 'medium' }).format(new Date(value));
}

/**
 * A `<input type="datetime-local">` value ("2027-02-10T10:00") read as Seoul wall time, as an ISO
 * instant. Korea has kept +09:00 all year since 1988, so the offset is fixed.
 */
export function seoulLocalToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(`${withSeconds}+09:00`).toISOString();
}

/** The Seoul wall time of an instant, as a `<input type="datetime-local">` value. */
export function isoToSeoulLocal(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const DAY_NAMES: Record<Locale, Record<Weekday, string>> = {
  ko: { MON: '월', TUE: '화', WED: '수', THU: '목', FRI: '금', SAT: '토' },
  en: { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat' },
};

export function dayName(day: Weekday, locale: Locale): string {
  return DAY_NAMES[locale][day];
}

/** "월 09:00-10:30, 수 09:00-10:30". */
export function formatMeetings(
  meetings: readonly { day: Weekday; start: string; end: string }[],
  locale: Locale,
): string {
  return meetings.map((m) => `${dayName(m.day, locale)} ${m.start}–${m.end}`).join(', ');
}
