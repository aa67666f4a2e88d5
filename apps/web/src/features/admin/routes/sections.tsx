import { Link, useLocation, useSearch } from 'wouter';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { formatMeetings } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useSectionDepartments, useSectionSubjects } from '../api/list-section-choices';
import { useSections } from '../api/list-sections';
import { sectionsMessages } from '../messages/sections';

function idParam(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The filter lives in the address, so a reload or a shared link shows the same list. */
export function Component() {
  const t = useMessages(sectionsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const departmentId = idParam(search.get('departmentId'));
  const subjectId = idParam(search.get('subjectId'));
  const departments = useSectionDepartments();
  const subjects = useSectionSubjects(departmentId);
  const sections = useSections({
    ...(departmentId ? { departmentId } : {}),
    ...(subjectId ? { subjectId } : {}),
  });
  const setFilter = (next: { departmentId?: number; subjectId?: number }) => {
    const params = new URLSearchParams();
    if (next.departmentId) params.set('departmentId', String(next.departmentId));
    if (next.subjectId) params.set('subjectId', String(next.subjectId));
    const query = params.toString();
    navigate(query ? `/admin/sections?${query}` : '/admin/sections', { replace: true });
  };

  return (
    <Page
      title={t('listTitle')}
      actions={
        <Link href="/admin/sections/new" className="btn btn-primary">
          {t('addSection')}
        </Link>
      }
    >
      <form className="form-row" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('filterDepartment')}
          value={departmentId ?? ''}
          onChange={(e) => setFilter({ departmentId: idParam(e.target.value) })}
        >
          <option value="">{t('all')}</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filterSubject')}
          value={subjectId ?? ''}
          onChange={(e) => setFilter({ departmentId, subjectId: idParam(e.target.value) })}
        >
          <option value="">{t('all')}</option>
          {subjects.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name}
            </option>
          ))}
        </SelectField>
      </form>
      <ErrorAlert error={departments.error ?? subjects.error ?? sections.error} />
      {sections.isPending ? (
        <Loading label={common('loading')} />
      ) : sections.data && sections.data.length === 0 ? (
        <p>{t('empty')}</p>
      ) : sections.data ? (
        <>
          <p className="muted" role="status">
            {t('count', { count: sections.data.length })}
          </p>
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('colSubject')}</th>
                  <th scope="col">{t('colNumber')}</th>
                  <th scope="col">{t('colProfessor')}</th>
                  <th scope="col">{t('colMeetings')}</th>
                  <th scope="col">{t('colSeats')}</th>
                  <th scope="col">{t('colWaitlisted')}</th>
                  <th scope="col">{t('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {sections.data.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t('colSubject')}>
                      {s.subject.code} {s.subject.name}
                    </td>
                    <td data-label={t('colNumber')}>{s.number}</td>
                    <td data-label={t('colProfessor')}>{s.professor?.name ?? t('tba')}</td>
                    <td data-label={t('colMeetings')}>
                      {s.meetings.length > 0 ? formatMeetings(s.meetings, locale) : t('noMeetings')}
                    </td>
                    <td data-label={t('colSeats')}>
                      {s.taken}/{s.capacity}
                    </td>
                    <td data-label={t('colWaitlisted')}>{s.waitlisted}</td>
                    <td data-label={t('colActions')}>
                      <Link href={`/admin/sections/${s.id}`}>
                        {t('edit', { name: s.subject.name, number: s.number })}
                      </Link>{' '}
                      <Link href={`/admin/sections/${s.id}#roster`}>
                        {t('roster', { name: s.subject.name, number: s.number })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Page>
  );
}
