import { Alert } from '../../../components/ui/alert';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useDeleteDepartment } from '../api/delete-department';
import { useDepartmentImpact } from '../api/get-department-impact';
import type { DepartmentImpact } from '../api/get-department-impact';
import type { AdminDepartment } from '../api/list-departments';
import { departmentsMessages } from '../messages/departments';
import { AdminConfirmDialog } from './admin-confirm-dialog';
import './admin-pages.css';

const IMPACT_LABEL = {
  professors: 'impactProfessors',
  subjects: 'impactSubjects',
  sections: 'impactSections',
  enrollments: 'impactEnrollments',
  cartItems: 'impactCartItems',
  waitlistEntries: 'impactWaitlist',
  posts: 'impactPosts',
} as const satisfies Partial<Record<keyof DepartmentImpact, string>>;
const CASCADE = Object.keys(IMPACT_LABEL) as (keyof typeof IMPACT_LABEL)[];

/**
 * Delete a department only after seeing what goes with it; while students belong the server
 * refuses, so the button is disabled and the sentence says what to do instead.
 */
export function DepartmentsDeleteDialog({
  department,
  onClose,
  onDeleted,
}: {
  department: AdminDepartment;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useMessages(departmentsMessages);
  const common = useMessages(commonMessages);
  const impact = useDepartmentImpact(department.id);
  const remove = useDeleteDepartment();
  const blocked = impact.data ? !impact.data.deletable : true;
  return (
    <AdminConfirmDialog
      title={t('deleteTitle', { name: department.name })}
      confirmLabel={t('deleteConfirm')}
      disabled={blocked}
      busy={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate(department.id, { onSuccess: onDeleted })}
    >
      {impact.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={impact.error} />
      {impact.data ? (
        <>
          {impact.data.deletable ? null : (
            <Alert tone="warning">{t('refused', { count: impact.data.students })}</Alert>
          )}
          <p>{t('impactIntro')}</p>
          <dl className="admin-impact">
            {CASCADE.map((key) => (
              <div key={key} className="admin-impact-row">
                <dt>{t(IMPACT_LABEL[key])}</dt>
                <dd>{impact.data[key]}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </AdminConfirmDialog>
  );
}
