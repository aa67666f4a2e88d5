import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useDepartments } from '../api/list-departments';
import { boardsMessages } from '../messages';
import '../boards.css';

export function Component() {
  const t = useMessages(boardsMessages);
  const common = useMessages(commonMessages);
  const departments = useDepartments();
  return (
    <Page title={t('boardsTitle')}>
      <p>{t('boardsIntro')}</p>
      {departments.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={departments.error} />
      {departments.data?.length === 0 ? <p>{t('noDepartments')}</p> : null}
      {departments.data && departments.data.length > 0 ? (
        <ul className="cards board-list">
          {departments.data.map((d) => (
            <li key={d.id} className="card">
              <Link href={`/student/boards/${d.id}`}>{d.name}</Link> <span className="muted">({d.code})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
