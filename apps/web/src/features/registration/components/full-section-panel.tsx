import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useEnrollments } from '../api/list-enrollments';
import { useSectionSearch } from '../api/search-sections';
import { busyKey } from '../hooks/use-registration-flow';
import type { SectionTarget } from '../hooks/use-registration-flow';
import { fittingAlternatives } from '../lib/timetable-fit';
import { registrationMessages } from '../messages';
import { RegisterButton } from './register-button';
import type { RegisterActions } from './register-button';
import { SectionTable, targetOf } from './section-table';

/**
 * After SECTION_FULL: the same subject's other sections that still have seats and fit the
 * student's timetable, each one click away, and the wait-list of the full one.
 */
export function FullSectionPanel({
  full,
  actions,
  joinWaitlist,
  onClose,
}: {
  full: SectionTarget;
  actions: RegisterActions;
  joinWaitlist: (target: SectionTarget) => Promise<void>;
  onClose: () => void;
}) {
  const t = useMessages(registrationMessages);
  const common = useMessages(commonMessages);
  const catalog = useSectionSearch(full.subjectCode);
  const enrollments = useEnrollments();
  const section = t('sectionLabel', { name: full.subjectName, number: full.number });
  const alternatives =
    catalog.data && enrollments.data
      ? fittingAlternatives(
          catalog.data,
          { id: full.sectionId, subjectCode: full.subjectCode },
          enrollments.data.items,
        )
      : undefined;
  return (
    <section className="card full-panel" aria-labelledby="full-heading">
      <h2 id="full-heading">{t('fullHeading', { section })}</h2>
      {!alternatives && (catalog.isPending || enrollments.isPending) ? (
        <Loading label={common('loading')} />
      ) : null}
      <ErrorAlert error={catalog.error ?? enrollments.error} />
      {alternatives && alternatives.length > 0 ? (
        <>
          <p id="full-alternatives">{t('fullAlternatives')}</p>
          <SectionTable
            sections={alternatives}
            labelledBy="full-alternatives"
            action={(s) => <RegisterButton actions={actions} target={targetOf(s)} />}
          />
        </>
      ) : null}
      {alternatives && alternatives.length === 0 ? <p>{t('fullNoAlternatives')}</p> : null}
      <p>
        <Button
          variant="secondary"
          busy={actions.busy.has(busyKey('join', full.sectionId))}
          onClick={() => void joinWaitlist(full)}
        >
          {t('joinWaitlist', { section })}
        </Button>{' '}
        <Button variant="link" onClick={onClose}>
          {common('close')}
        </Button>
      </p>
    </section>
  );
}
