import { Link, useLocation, useSearch } from 'wouter';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatMeetings } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useSearchSections } from '../api/search-sections';
import type { CatalogSection } from '../api/search-sections';
import { useAddToCartFlow } from '../components/add-to-cart';
import { CatalogFiltersForm } from '../components/catalog-filters';
import { SeatsBadge } from '../components/seats';
import { PAGE_SIZE, parseCatalogSearch, toApiQuery, toCatalogSearch, withSort } from '../lib/catalog-query';
import type { CatalogFilters, SortKey } from '../lib/catalog-query';
import { catalogMessages } from '../messages';
import '../catalog.css';

interface Column {
  key: string;
  label: keyof (typeof catalogMessages)['ko'];
  sort?: SortKey;
  num?: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'code', label: 'colCode', sort: 'code' },
  { key: 'name', label: 'colName', sort: 'name' },
  { key: 'section', label: 'colSection' },
  { key: 'credits', label: 'colCredits', sort: 'credits', num: true },
  { key: 'type', label: 'colType' },
  { key: 'professor', label: 'colProfessor', sort: 'professor' },
  { key: 'meetings', label: 'colMeetings' },
  { key: 'seats', label: 'colSeats', sort: 'enrolled', num: true },
  { key: 'available', label: 'colAvailable', sort: 'available' },
  { key: 'waitlisted', label: 'colWaitlisted', num: true },
];

export function Component() {
  const t = useMessages(catalogMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseCatalogSearch(search);
  const query = useSearchSections(toApiQuery(filters));
  const flow = useAddToCartFlow();

  const go = (next: CatalogFilters) => {
    const qs = toCatalogSearch(next);
    navigate(qs ? `/sugang/catalog?${qs}` : '/sugang/catalog');
  };

  const cell = (s: CatalogSection, key: string) => {
    switch (key) {
      case 'code':
        return s.subject.code;
      case 'name':
        return <Link href={`/sugang/catalog/${s.id}`}>{s.subject.name}</Link>;
      case 'section':
        return t('sectionN', { n: s.number });
      case 'credits':
        return s.subject.credits;
      case 'type':
        return t(`type_${s.subject.type}`);
      case 'professor':
        return s.professor?.name ?? t('tba');
      case 'meetings':
        return s.meetings.length > 0 ? formatMeetings(s.meetings, locale) : t('noMeetings');
      case 'seats':
        return t('seats', { enrolled: s.enrolled, capacity: s.capacity });
      case 'available':
        return <SeatsBadge available={s.available} />;
      case 'waitlisted':
        return s.waitlisted;
      default:
        return null;
    }
  };

  const data = query.data;
  return (
    <Page title={t('title')}>
      {/* Keyed by the address so Back / a shared link shows the filters it holds. */}
      <CatalogFiltersForm key={search} filters={filters} onApply={go} />
      {flow.ui}
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading label={common('loading')} /> : null}
      {data ? (
        <>
          <p role="status">
            {t('results', { total: data.total })} <span className="muted">{t('liveNote')}</span>
          </p>
          {data.items.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive-table catalog-table">
                <caption className="visually-hidden">{t('title')}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => {
                      const sorted = c.sort !== undefined && filters.sort === c.sort;
                      return (
                        <th
                          key={c.key}
                          scope="col"
                          className={c.num ? 'num' : undefined}
                          aria-sort={
                            sorted ? (filters.order === 'desc' ? 'descending' : 'ascending') : undefined
                          }
                        >
                          {c.sort ? (
                            <button
                              type="button"
                              className="sort"
                              aria-label={t('sortBy', { column: t(c.label) })}
                              onClick={() => c.sort && go(withSort(filters, c.sort))}
                            >
                              {t(c.label)}
                            </button>
                          ) : (
                            t(c.label)
                          )}
                        </th>
                      );
                    })}
                    {flow.canAdd ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('colActions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <tr key={s.id}>
                      {COLUMNS.map((c) => (
                        <td key={c.key} data-label={t(c.label)} className={c.num ? 'num' : undefined}>
                          {cell(s, c.key)}
                        </td>
                      ))}
                      {flow.canAdd ? (
                        <td className="actions" data-label={t('colActions')}>
                          <Button
                            variant="secondary"
                            busy={flow.busyId === s.id}
                            aria-label={t('addToCartNamed', { name: s.subject.name, n: s.number })}
                            onClick={() => flow.start(s)}
                          >
                            {t('addToCart')}
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onPage={(page) => go({ ...filters, page })}
          />
        </>
      ) : null}
    </Page>
  );
}
