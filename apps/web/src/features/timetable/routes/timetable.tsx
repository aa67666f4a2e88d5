import { Fragment } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { WEEKDAYS, dayName, formatMeetings } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { TIMETABLE_ICS_URL, useTimetable } from '../api/get-timetable';
import type { TimetableItem } from '../api/get-timetable';
import { layoutTimetable } from '../lib/timetable-layout';
import { timetableMessages } from '../messages';
import '../timetable.css';

// The day-header row comes first in the grid.
const HEADER_ROWS = 1;

export function Component() {
  const t = useMessages(timetableMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const { data, error, isPending } = useTimetable();

  const actions = (
    <>
      <a className="btn btn-secondary" href={TIMETABLE_ICS_URL} download="karina-timetable.ics">
        {t('downloadIcs')}
      </a>
      <Button variant="secondary" onClick={() => window.print()}>
        {t('print')}
      </Button>
    </>
  );

  if (isPending) return <Loading label={common('loading')} />;
  if (!data) {
    return (
      <Page title={t('title')}>
        <ErrorAlert error={error} />
      </Page>
    );
  }

  const layout = layoutTimetable<TimetableItem>(data.items);
  const professor = (item: TimetableItem) => item.professor?.name ?? t('tba');
  return (
    <Page title={t('title')} actions={actions}>
      <p className="stat" data-testid="total-credits">
        {t('totalCredits', { credits: data.totalCredits })}
      </p>
      {data.items.length === 0 ? (
        <p className="no-print">
          {t('empty')} <Link href="/sugang/catalog">{t('toCatalog')}</Link>
        </p>
      ) : null}
      <div className="tt-scroll">
        <div className="tt-grid" role="group" aria-label={t('grid')}>
          <div className="tt-day" style={{ gridColumn: 1 }} aria-hidden="true">
            {t('time')}
          </div>
          {WEEKDAYS.map((d, i) => (
            <div key={d} className="tt-day" style={{ gridColumn: i + 2 }} aria-hidden="true">
              {dayName(d, locale)}
            </div>
          ))}
          {layout.rows.map((time, i) => (
            <Fragment key={time}>
              <div
                className={time.endsWith(':00') ? 'tt-line tt-line-hour' : 'tt-line'}
                style={{ gridRow: i + 1 + HEADER_ROWS }}
                aria-hidden="true"
              />
              <div className="tt-time" style={{ gridRow: i + 1 + HEADER_ROWS }} aria-hidden="true">
                {time.endsWith(':00') ? time : ''}
              </div>
            </Fragment>
          ))}
          {layout.blocks.map((b) => (
            <div
              key={`${b.course.sectionId}-${b.meeting.day}-${b.meeting.start}`}
              className="tt-block"
              data-section-id={b.course.sectionId}
              style={{
                gridColumn: b.dayIndex + 2,
                gridRow: `${b.row + 1 + HEADER_ROWS} / span ${b.span}`,
                width: `calc(100% / ${b.columns} - 2px)`,
                marginLeft: `calc(100% * ${b.column} / ${b.columns} + 1px)`,
                background: b.color,
              }}
            >
              <span className="visually-hidden">
                {dayName(b.meeting.day, locale)} {b.meeting.start}–{b.meeting.end}
              </span>
              <strong>{b.course.subjectName}</strong>
              <span>
                {b.course.subjectCode} · {t('sectionN', { n: b.course.sectionNumber })}
              </span>
              <span aria-hidden="true">
                {b.meeting.start}–{b.meeting.end}
              </span>
              <span>{professor(b.course)}</span>
            </div>
          ))}
        </div>
      </div>
      {data.items.length > 0 ? (
        <section className="no-print" aria-labelledby="courses-heading">
          <h2 id="courses-heading">{t('courses')}</h2>
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('colCode')}</th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colSection')}</th>
                  <th scope="col" className="num">
                    {t('colCredits')}
                  </th>
                  <th scope="col">{t('colProfessor')}</th>
                  <th scope="col">{t('colMeetings')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.sectionId}>
                    <td data-label={t('colCode')}>{item.subjectCode}</td>
                    <td data-label={t('colName')}>{item.subjectName}</td>
                    <td data-label={t('colSection')}>{t('sectionN', { n: item.sectionNumber })}</td>
                    <td data-label={t('colCredits')} className="num">
                      {item.credits}
                    </td>
                    <td data-label={t('colProfessor')}>{professor(item)}</td>
                    <td data-label={t('colMeetings')}>
                      {item.meetings.length > 0 ? formatMeetings(item.meetings, locale) : t('noMeetings')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
