import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { formatDateTime, formatDateTimeSeconds } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useMonitor } from '../api/get-monitor';
import type { MonitorSnapshot } from '../api/get-monitor';
import { Sparkline } from '../components/monitor-sparkline';
import { monitorMessages } from '../messages/monitor';
import '../components/monitor.css';

const SAMPLES_KEPT = 60;

type MonitorSection = MonitorSnapshot['sections'][number];

/**
 * One sample per new snapshot (keyed by generatedAt, so a refetch of the same one adds nothing),
 * kept in memory only: the sparkline starts empty on each visit.
 */
function useRateSamples(snapshot: MonitorSnapshot | undefined): number[] {
  const [samples, setSamples] = useState<{ at: string; value: number }[]>([]);
  if (snapshot && samples.at(-1)?.at !== snapshot.generatedAt) {
    setSamples(
      [...samples, { at: snapshot.generatedAt, value: snapshot.registrationsPerSecond.last10s }].slice(
        -SAMPLES_KEPT,
      ),
    );
  }
  return samples.map((s) => s.value);
}

function rate(value: number): string {
  return value.toFixed(value >= 10 ? 0 : 1);
}

export function Component() {
  const t = useMessages(monitorMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const monitor = useMonitor();
  const samples = useRateSamples(monitor.data);
  const data = monitor.data;

  return (
    <Page title={t('title')}>
      <ErrorAlert error={monitor.error} />
      {!data ? (
        monitor.isPending ? (
          <Loading label={common('loading')} />
        ) : null
      ) : (
        <>
          <p className="muted">
            {t('updatedAt', {
              time: formatDateTimeSeconds(data.generatedAt, locale),
              seconds: Math.round(data.refreshMs / 100) / 10,
            })}{' '}
            {t('paused')}
          </p>
          <div className="monitor-grid">
            <section className="card" aria-labelledby="monitor-totals">
              <h2 id="monitor-totals">{t('totals')}</h2>
              <dl className="monitor-totals">
                <div>
                  <dt>{t('totalSections')}</dt>
                  <dd>{data.totals.sections}</dd>
                </div>
                <div>
                  <dt>{t('totalCapacity')}</dt>
                  <dd>{data.totals.capacity}</dd>
                </div>
                <div>
                  <dt>{t('totalEnrolled')}</dt>
                  <dd data-testid="total-enrolled">{data.totals.enrolled}</dd>
                </div>
                <div>
                  <dt>{t('totalWaitlisted')}</dt>
                  <dd>{data.totals.waitlisted}</dd>
                </div>
                <div>
                  <dt>{t('totalRejections')}</dt>
                  <dd>{data.totals.rejections}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="monitor-rate">
              <h2 id="monitor-rate">{t('rate')}</h2>
              <dl className="monitor-totals">
                <div>
                  <dt>{t('rate10')}</dt>
                  <dd>{t('perSecond', { value: rate(data.registrationsPerSecond.last10s) })}</dd>
                </div>
                <div>
                  <dt>{t('rate60')}</dt>
                  <dd>{t('perSecond', { value: rate(data.registrationsPerSecond.last60s) })}</dd>
                </div>
              </dl>
              <Sparkline
                values={samples}
                label={
                  samples.length > 1
                    ? t('sparklineLabel', {
                        count: samples.length,
                        min: rate(Math.min(...samples)),
                        max: rate(Math.max(...samples)),
                        now: rate(samples.at(-1) ?? 0),
                      })
                    : t('sparklineEmpty')
                }
              />
            </section>
            <section className="card" aria-labelledby="monitor-periods">
              <h2 id="monitor-periods">{t('openPeriods')}</h2>
              {data.openPeriods.length === 0 ? (
                <p>{t('noOpenPeriods')}</p>
              ) : (
                <ul>
                  {data.openPeriods.map((p) => (
                    <li key={p.id}>
                      {p.name} ({t(`kind_${p.kind}`)}) ·{' '}
                      {t('closesAt', { time: formatDateTime(p.closesAt, locale) })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <section aria-labelledby="monitor-fill">
            <h2 id="monitor-fill">{t('fill')}</h2>
            {data.sectionsTruncated ? (
              <p className="muted">{t('truncated', { limit: data.sectionsLimit })}</p>
            ) : null}
            <SectionTable
              caption={t('fillCaption', { count: data.sections.length })}
              sections={data.sections}
            />
          </section>
          <section aria-labelledby="monitor-contested">
            <h2 id="monitor-contested">{t('contested')}</h2>
            {data.contested.length === 0 ? (
              <p>{t('noContested')}</p>
            ) : (
              <SectionTable caption={t('contestedCaption')} sections={data.contested} />
            )}
            <p className="muted">
              {data.rejectionsSource === 'shared' ? t('rejectionsShared') : t('rejectionsProcess')}
            </p>
          </section>
        </>
      )}
    </Page>
  );
}

function SectionTable({ caption, sections }: { caption: string; sections: readonly MonitorSection[] }) {
  const t = useMessages(monitorMessages);
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colSection')}</th>
            <th scope="col">{t('colEnrolled')}</th>
            <th scope="col">{t('colFill')}</th>
            <th scope="col">{t('colWaitlisted')}</th>
            <th scope="col">{t('colRejections')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => {
            const percent = Math.round(s.fillRate * 100);
            return (
              <tr key={s.id}>
                <th scope="row" data-label={t('colSection')}>
                  {t('sectionName', { code: s.subject.code, name: s.subject.name, number: s.number })}
                </th>
                <td data-label={t('colEnrolled')} className="monitor-num">
                  {s.enrolled}/{s.capacity}
                </td>
                <td data-label={t('colFill')} className="monitor-num">
                  <svg
                    className={percent >= 100 ? 'monitor-bar monitor-bar-full' : 'monitor-bar'}
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <rect x="0" y="0" width="100" height="10" className="monitor-bar-track" />
                    <rect
                      x="0"
                      y="0"
                      width={Math.min(100, percent)}
                      height="10"
                      className="monitor-bar-fill"
                    />
                  </svg>
                  {percent}%
                </td>
                <td data-label={t('colWaitlisted')} className="monitor-num">
                  {s.waitlisted}
                </td>
                <td data-label={t('colRejections')} className="monitor-num">
                  {s.rejections}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
