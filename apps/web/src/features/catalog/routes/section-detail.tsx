import { Link, useParams } from 'wouter';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { dayName } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useSection } from '../api/get-section';
import { useAddToCartFlow } from '../components/add-to-cart';
import { SeatsBadge } from '../components/seats';
import { catalogMessages } from '../messages';
import '../catalog.css';

export function Component() {
  const t = useMessages(catalogMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const params = useParams<{ sectionId: string }>();
  const id = Number(params.sectionId);
  const { data: s, error, isPending } = useSection(id);
  const flow = useAddToCartFlow();

  if (isPending) return <Loading label={common('loading')} />;
  if (!s) {
    return (
      <Page title={t('title')}>
        <ErrorAlert error={error} />
        <Link href="/sugang/catalog">{t('backToCatalog')}</Link>
      </Page>
    );
  }
  return (
    <Page
      title={t('detailTitle', { name: s.subject.name, n: s.number })}
      actions={
        flow.canAdd ? (
          <Button busy={flow.busyId === s.id} onClick={() => flow.start(s)}>
            {t('addToCart')}
          </Button>
        ) : null
      }
    >
      <p className="no-print">
        <Link href="/sugang/catalog">{t('backToCatalog')}</Link>
      </p>
      {flow.ui}
      <ErrorAlert error={error} />
      <section className="card" aria-labelledby="subject-heading">
        <h2 id="subject-heading">{t('subject')}</h2>
        <dl className="section-facts">
          <dt>{t('colCode')}</dt>
          <dd>{s.subject.code}</dd>
          <dt>{t('colName')}</dt>
          <dd>{s.subject.name}</dd>
          <dt>{t('colCredits')}</dt>
          <dd>{s.subject.credits}</dd>
          <dt>{t('colType')}</dt>
          <dd>{t(`type_${s.subject.type}`)}</dd>
          <dt>{t('targetYear')}</dt>
          <dd>{s.subject.targetYear ? t('yearN', { year: s.subject.targetYear }) : t('allYears')}</dd>
          <dt>{t('department')}</dt>
          <dd>{s.subject.department.name}</dd>
          <dt>{t('colProfessor')}</dt>
          <dd>{s.professor?.name ?? t('tba')}</dd>
        </dl>
        <h3>{t('description')}</h3>
        <p className="subject-description">{s.subject.description ?? t('noDescription')}</p>
      </section>
      <section className="card" aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('meetings')}</h2>
        {s.meetings.length === 0 ? (
          <p>{t('noMeetings')}</p>
        ) : (
          <ul>
            {s.meetings.map((m) => (
              <li key={`${m.day}-${m.start}`}>
                {dayName(m.day, locale)} {m.start}–{m.end}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="seats-heading">
        <h2 id="seats-heading">{t('seatsHeading')}</h2>
        <dl className="section-facts">
          <dt>{t('capacity')}</dt>
          <dd>{s.capacity}</dd>
          <dt>{t('enrolled')}</dt>
          <dd>{s.enrolled}</dd>
          <dt>{t('available')}</dt>
          <dd>
            {s.available} <SeatsBadge available={s.available} />
          </dd>
          <dt>{t('waitlisted')}</dt>
          <dd>{s.waitlisted}</dd>
        </dl>
      </section>
    </Page>
  );
}
