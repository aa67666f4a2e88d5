import type { QueryParams } from '../../../lib/api/types';
import { WEEKDAYS } from '../../../lib/format';
import type { Weekday } from '../../../lib/format';

export type CatalogApiQuery = QueryParams<'/sugang/api/sections', 'get'>;
export type SortKey = NonNullable<CatalogApiQuery['sort']>;
export type SubjectType = NonNullable<CatalogApiQuery['type']>;
export type SortOrder = 'asc' | 'desc';

export const SORT_KEYS: readonly SortKey[] = [
  'code',
  'name',
  'credits',
  'professor',
  'available',
  'enrolled',
];
export const SUBJECT_TYPES: readonly SubjectType[] = ['major_required', 'major_elective', 'general'];
export const PAGE_SIZE = 20;

/** What the catalog is filtered by, exactly as the address bar holds it (a reload keeps it). */
export interface CatalogFilters {
  department?: number;
  year?: number;
  type?: SubjectType;
  credits?: number;
  day?: Weekday;
  from?: string;
  until?: string;
  professor?: string;
  q?: string;
  sort?: SortKey;
  order?: SortOrder;
  page: number;
}

const CLOCK = /^([01]\d|2[0-3]):(00|30)$/;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A shared or hand-edited link never breaks the page: what cannot be read is simply not a filter. */
export function parseCatalogSearch(search: string): CatalogFilters {
  const p = new URLSearchParams(search);
  const from = p.get('from');
  const until = p.get('until');
  return {
    department: positiveInt(p.get('department')),
    year: positiveInt(p.get('year')),
    type: oneOf(p.get('type'), SUBJECT_TYPES),
    credits: positiveInt(p.get('credits')),
    day: oneOf(p.get('day'), WEEKDAYS),
    from: from !== null && CLOCK.test(from) ? from : undefined,
    until: until !== null && CLOCK.test(until) ? until : undefined,
    professor: text(p.get('professor')),
    q: text(p.get('q')),
    sort: oneOf(p.get('sort'), SORT_KEYS),
    order: oneOf(p.get('order'), ['asc', 'desc'] as const),
    page: positiveInt(p.get('page')) ?? 1,
  };
}

const ORDERED_KEYS = [
  'q',
  'department',
  'year',
  'type',
  'credits',
  'day',
  'from',
  'until',
  'professor',
  'sort',
  'order',
] as const;

/** The query string for the address bar; empty filters and page 1 are left out so links stay short. */
export function toCatalogSearch(filters: CatalogFilters): string {
  const p = new URLSearchParams();
  for (const key of ORDERED_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') p.set(key, String(value));
  }
  if (filters.page > 1) p.set('page', String(filters.page));
  return p.toString();
}

export function toApiQuery(filters: CatalogFilters): CatalogApiQuery {
  const query: CatalogApiQuery = { page: filters.page, pageSize: PAGE_SIZE };
  if (filters.department !== undefined) query.department = filters.department;
  if (filters.year !== undefined) query.year = filters.year;
  if (filters.type !== undefined) query.type = filters.type;
  if (filters.credits !== undefined) query.credits = filters.credits;
  if (filters.day !== undefined) query.day = filters.day;
  if (filters.from !== undefined) query.from = filters.from;
  if (filters.until !== undefined) query.until = filters.until;
  if (filters.professor !== undefined) query.professor = filters.professor;
  if (filters.q !== undefined) query.q = filters.q;
  if (filters.sort !== undefined) query.sort = filters.sort;
  if (filters.order !== undefined) query.order = filters.order;
  return query;
}

/** Clicking a column: a new column sorts ascending, the same column flips; either way back to page 1. */
export function withSort(filters: CatalogFilters, key: SortKey): CatalogFilters {
  const order: SortOrder = filters.sort === key && (filters.order ?? 'asc') === 'asc' ? 'desc' : 'asc';
  return { ...filters, sort: key, order, page: 1 };
}

/** Half-hour steps a meeting may start or end on, 08:00 to 22:00. */
export const CLOCK_OPTIONS: readonly string[] = Array.from({ length: 29 }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
