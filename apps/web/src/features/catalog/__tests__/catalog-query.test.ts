import { describe, expect, it } from 'vitest';
import { parseCatalogSearch, toApiQuery, toCatalogSearch, withSort } from '../lib/catalog-query';

describe('catalog filters in the address bar', () => {
  it('round-trips every filter through the query string', () => {
    const search =
      'q=%EC%9E%90%EB%A3%8C&department=3&year=2&type=major_required&credits=3&day=MON&from=09:00&until=12:00&professor=%EA%B9%80&sort=name&order=desc&page=2';
    const filters = parseCatalogSearch(search);
    expect(filters).toEqual({
      q: '자료',
      department: 3,
      year: 2,
      type: 'major_required',
      credits: 3,
      day: 'MON',
      from: '09:00',
      until: '12:00',
      professor: '김',
      sort: 'name',
      order: 'desc',
      page: 2,
    });
    expect(parseCatalogSearch(toCatalogSearch(filters))).toEqual(filters);
  });

  it('drops what cannot be read instead of sending it to the server', () => {
    expect(parseCatalogSearch('department=abc&day=SUN&from=9:15&sort=seats&page=-1&q=%20%20')).toEqual({
      page: 1,
      department: undefined,
      year: undefined,
      type: undefined,
      credits: undefined,
      day: undefined,
      from: undefined,
      until: undefined,
      professor: undefined,
      q: undefined,
      sort: undefined,
      order: undefined,
    });
  });

  it('leaves page 1 and empty filters out of the link', () => {
    expect(toCatalogSearch({ page: 1, q: '자료' })).toBe('q=%EC%9E%90%EB%A3%8C');
    expect(toCatalogSearch({ page: 1 })).toBe('');
  });

  it('asks the server for one page of PAGE_SIZE with only the filters set', () => {
    expect(toApiQuery({ page: 3, day: 'FRI', credits: 2 })).toEqual({
      page: 3,
      pageSize: 20,
      day: 'FRI',
      credits: 2,
    });
  });

  it('a new column sorts ascending, the same column flips, and either goes back to page 1', () => {
    expect(withSort({ page: 4 }, 'credits')).toEqual({ page: 1, sort: 'credits', order: 'asc' });
    expect(withSort({ page: 4, sort: 'credits', order: 'asc' }, 'credits')).toMatchObject({
      order: 'desc',
      page: 1,
    });
    expect(withSort({ page: 1, sort: 'credits', order: 'desc' }, 'credits')).toMatchObject({ order: 'asc' });
    expect(withSort({ page: 1, sort: 'credits', order: 'desc' }, 'name')).toMatchObject({
      sort: 'name',
      order: 'asc',
    });
  });
});
