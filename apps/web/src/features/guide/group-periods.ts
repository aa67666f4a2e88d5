import type { Period } from './api/list-periods';

export interface PeriodGroup {
  years: readonly number[];
  periods: Period[];
}

/**
 * Periods gathered by the student years they apply to (a 4th-year-first opening shows as its own
 * group), each group in opening order and the groups by their first opening.
 */
export function groupPeriodsByYears(periods: readonly Period[]): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  const sorted = [...periods].sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  for (const period of sorted) {
    const years = [...period.years].sort((a, b) => a - b);
    const key = years.join(',');
    let group = groups.get(key);
    if (!group) {
      group = { years, periods: [] };
      groups.set(key, group);
    }
    group.periods.push(period);
  }
  return [...groups.values()];
}
