import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useWaitlist } from '../api/list-waitlist';
import { busyKey } from '../hooks/use-registration-flow';
import type { SectionTarget } from '../hooks/use-registration-flow';
import { registrationMessages } from '../messages';

export function WaitlistList({
  busy,
  leave,
}: {
  busy: ReadonlySet<string>;
  leave: (target: SectionTarget) => Promise<void>;
}) {
  const t = useMessages(registrationMessages);
  const common = useMessages(commonMessages);
  const waitlist = useWaitlist();
  return (
    <section className="card" aria-labelledby="waitlist-heading">
      <h2 id="waitlist-heading">{t('waitlistHeading')}</h2>
      {waitlist.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={waitlist.error} />
      {waitlist.data && waitlist.data.length === 0 ? <p className="muted">{t('waitlistEmpty')}</p> : null}
      {waitlist.data && waitlist.data.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table" aria-labelledby="waitlist-heading">
            <thead>
              <tr>
                <th scope="col">{t('colSubject')}</th>
                <th scope="col" className="num">
                  {t('colPosition')}
                </th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {waitlist.data.map((w) => {
                const target: SectionTarget = {
                  sectionId: w.sectionId,
                  subjectCode: w.subjectCode,
                  subjectName: w.subjectName,
                  number: w.sectionNumber,
                };
                const section = t('sectionLabel', { name: w.subjectName, number: w.sectionNumber });
                return (
                  <tr key={w.sectionId}>
                    <td data-label={t('colSubject')}>
                      {section} <span className="muted">{w.subjectCode}</span>
                    </td>
                    <td data-label={t('colPosition')} className="num">
                      {t('position', { position: w.position })}
                    </td>
                    <td data-label={t('colAction')}>
                      <Button
                        variant="secondary"
                        busy={busy.has(busyKey('leave', w.sectionId))}
                        aria-label={t('leaveWaitlist', { section })}
                        onClick={() => void leave(target)}
                      >
                        {t('leaveShort')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
