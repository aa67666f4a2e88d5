import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Page } from '../../../components/ui/page';
import { ADMIN_PAGES } from '../components/admin-pages';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useDashboardMonitor } from '../api/get-dashboard';
import type { DashboardMonitor } from '../api/get-dashboard';
import { useDepartments } from '../api/list-departments';
import { useStudents } from '../api/list-students';
import { useSubjects } from '../api/list-subjects';
import '../components/admin-pages.css';
import { dashboardMessages } from '../messages/dashboard';

const KIND_KEY = {
  registration: 'kindRegistration',
  cart: 'kindCart',
  add_drop: 'kindAddDrop',
} as const satisfies Record<DashboardMonitor['openPeriods'][number]['kind'], string>;

function Stat({ label, value }: { label: string; value: number | undefined }) {
  const { locale } = useLocale();
  return (
    <div className="card">
      <h3>{label}</h3>
      <p className="stat">
        {value === undefined ? '–' : value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB')}
      </p>
    </div>
  );
}

export function Component() {
  const t = useMessages(dashboardMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const departments = useDepartments();
  const students = useStudents({ page: 1, pageSize: 1 });
  const subjects = useSubjects();
  const monitor = useDashboardMonitor();
  const totals = monitor.data?.totals;
  const rate = totals && totals.capacity > 0 ? Math.round((totals.enrolled / totals.capacity) * 100) : 0;

  return (
    <Page title={t('title')}>
      <h2>{t('countsHeading')}</h2>
      <ErrorAlert error={departments.error ?? students.error ?? subjects.error ?? monitor.error} />
      <div className="cards">
        <Stat label={t('departments')} value={departments.data?.length} />
        <Stat label={t('students')} value={students.data?.total} />
        <Stat label={t('subjects')} value={subjects.data?.length} />
        <Stat label={t('sections')} value={totals?.sections} />
        <div className="card">
          <h3>{t('seats')}</h3>
          <p className="stat">
            {totals ? t('seatsValue', { enrolled: totals.enrolled, capacity: totals.capacity }) : '–'}
          </p>
          {totals ? <p className="muted">{t('seatsRate', { rate })}</p> : null}
        </div>
        <div className="card">
          <h3>{t('openPeriods')}</h3>
          {monitor.data ? (
            monitor.data.openPeriods.length === 0 ? (
              <p>{t('noOpenPeriods')}</p>
            ) : (
              <ul>
                {monitor.data.openPeriods.map((p) => (
                  <li key={p.id}>
                    {t('periodCloses', {
                      name: p.name,
                      kind: t(KIND_KEY[p.kind]),
                      closesAt: formatDateTime(p.closesAt, locale),
                    })}
                  </li>
                ))}
              </ul>
            )
          ) : (
            <p>–</p>
          )}
        </div>
      </div>
      {monitor.data ? (
        <p className="muted">{t('asOf', { time: formatDateTime(monitor.data.generatedAt, locale) })}</p>
      ) : null}
      <h2>{t('pagesHeading')}</h2>
      <ul className="admin-links">
        {ADMIN_PAGES.map((p) => (
          <li key={p.to}>
            <Link href={p.to}>{common(p.label)}</Link>
          </li>
        ))}
        <li>
          <Link href="/admin/students/import">{t('importStudents')}</Link>
        </li>
      </ul>
    </Page>
  );
}
