import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatMeetings } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useEnrollments } from '../api/list-enrollments';
import { busyKey } from '../hooks/use-registration-flow';
import type { SectionTarget } from '../hooks/use-registration-flow';
import { registrationMessages } from '../messages';

export function EnrollmentList({
  busy,
  drop,
}: {
  busy: ReadonlySet<string>;
  drop: (target: SectionTarget) => Promise<void>;
}) {
  const t = useMessages(registrationMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const enrollments = useEnrollments();
  const [confirming, setConfirming] = useState<SectionTarget | undefined>();
  const label = (s: SectionTarget) => t('sectionLabel', { name: s.subjectName, number: s.number });

  const confirmDrop = () => {
    const target = confirming;
    setConfirming(undefined);
    if (target) void drop(target);
  };

  return (
    <section className="card" aria-labelledby="enrolled-heading">
      <h2 id="enrolled-heading">{t('enrolledHeading')}</h2>
      {enrollments.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={enrollments.error} />
      {enrollments.data && enrollments.data.items.length === 0 ? (
        <p className="muted">{t('enrolledEmpty')}</p>
      ) : null}
      {enrollments.data && enrollments.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="responsive-table" aria-labelledby="enrolled-heading">
              <thead>
                <tr>
                  <th scope="col">{t('colSubject')}</th>
                  <th scope="col" className="num">
                    {t('colCredits')}
                  </th>
                  <th scope="col">{t('colMeetings')}</th>
                  <th scope="col">{t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {enrollments.data.items.map((e) => {
                  const target: SectionTarget = {
                    sectionId: e.sectionId,
                    subjectCode: e.subject.code,
                    subjectName: e.subject.name,
                    number: e.sectionNumber,
                  };
                  return (
                    <tr key={e.sectionId}>
                      <td data-label={t('colSubject')}>
                        {label(target)} <span className="muted">{e.subject.code}</span>
                        <br />
                        <span className="muted">{e.professor?.name ?? t('tba')}</span>
                      </td>
                      <td data-label={t('colCredits')} className="num">
                        {e.credits}
                      </td>
                      <td data-label={t('colMeetings')}>{formatMeetings(e.meetings, locale)}</td>
                      <td data-label={t('colAction')}>
                        <Button
                          variant="danger"
                          busy={busy.has(busyKey('drop', e.sectionId))}
                          aria-label={t('drop', { section: label(target) })}
                          onClick={() => setConfirming(target)}
                        >
                          {t('dropShort')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="total-credits">{t('totalCredits', { credits: enrollments.data.totalCredits })}</p>
        </>
      ) : null}
      <Dialog
        open={confirming !== undefined}
        title={t('dropConfirmTitle')}
        onClose={() => setConfirming(undefined)}
      >
        {confirming ? <p>{t('dropConfirmBody', { section: label(confirming) })}</p> : null}
        <div className="form-actions">
          <Button variant="danger" onClick={confirmDrop}>
            {t('dropConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(undefined)}>
            {t('dropKeep')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
