import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatDate, formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { NOTICES_PAGE_SIZE, useNotices } from '../api/list-notices';
import { usePeriods } from '../api/list-periods';
import type { Period } from '../api/list-periods';
import { groupPeriodsByYears } from '../group-periods';
import { guideMessages } from '../messages';
import './guide.css';

const KIND: Record<Period['kind'], keyof (typeof guideMessages)['ko']> = {
  registration: 'kindRegistration',
  cart: 'kindCart',
  add_drop: 'kindAddDrop',
};

function Schedule() {
  const t = useMessages(guideMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const periods = usePeriods();
  if (periods.isPending) return <Loading label={common('loading')} />;
  if (periods.error) return <ErrorAlert error={periods.error} />;
  if (periods.data.length === 0) return <p>{t('noPeriods')}</p>;
  return (
    <>
      {groupPeriodsByYears(periods.data).map((group) => {
        const years =
          group.years.length === 4 ? t('allYears') : t('yearsGroup', { years: group.years.join('·') });
        return (
          <section key={group.years.join(',')} aria-label={years}>
            <h3>{years}</h3>
            <div className="table-wrap">
              <table className="responsive-table">
                <caption className="visually-hidden">{t('scheduleCaption', { years })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colKind')}</th>
                    <th scope="col">{t('colOpens')}</th>
                    <th scope="col">{t('colCloses')}</th>
                    <th scope="col" className="num">
                      {t('colMaxCredits')}
                    </th>
                    <th scope="col">{t('colStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.periods.map((p) => (
                    <tr key={p.id} className={p.open ? 'period-open' : undefined}>
                      <th scope="row" data-label={t('colName')}>
                        {p.name}
                      </th>
                      <td data-label={t('colKind')}>{t(KIND[p.kind])}</td>
                      <td data-label={t('colOpens')}>
                        <time dateTime={p.opensAt}>{formatDateTime(p.opensAt, locale)}</time>
                      </td>
                      <td data-label={t('colCloses')}>
                        <time dateTime={p.closesAt}>{formatDateTime(p.closesAt, locale)}</time>
                      </td>
                      <td data-label={t('colMaxCredits')} className="num">
                        {t('credits', { credits: p.maxCredits })}
                      </td>
                      <td data-label={t('colStatus')}>
                        {p.open ? (
                          <span className="badge badge-open">{t('openNow')}</span>
                        ) : (
                          <span className="badge">{t('upcoming')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

function Notices() {
  const t = useMessages(guideMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const notices = useNotices(page);
  if (notices.isPending) return <Loading label={common('loading')} />;
  if (notices.error) return <ErrorAlert error={notices.error} />;
  if (notices.data.total === 0) return <p>{t('noNotices')}</p>;
  return (
    <>
      {notices.data.items.map((n) => (
        <article key={n.id} className={n.pinned ? 'card notice notice-pinned' : 'card notice'}>
          <h3>
            {n.pinned ? <span className="badge badge-full">{t('pinned')}</span> : null} {n.title}
          </h3>
          <p className="muted">{t('postedAt', { date: formatDate(n.createdAt, locale) })}</p>
          <div className="notice-body">{n.body}</div>
        </article>
      ))}
      {notices.data.total > NOTICES_PAGE_SIZE ? (
        <Pagination page={page} pageSize={NOTICES_PAGE_SIZE} total={notices.data.total} onPage={setPage} />
      ) : null}
    </>
  );
}

export function Component() {
  const t = useMessages(guideMessages);
  return (
    <Page title={t('title')}>
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t('scheduleTitle')}</h2>
        <p className="muted">{t('scheduleIntro')}</p>
        <Schedule />
      </section>
      <section aria-labelledby="notices-title">
        <h2 id="notices-title">{t('noticesTitle')}</h2>
        <Notices />
      </section>
    </Page>
  );
}
