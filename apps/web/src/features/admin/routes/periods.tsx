import { useState } from 'react';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useDeletePeriod } from '../api/delete-period';
import { usePeriods } from '../api/list-periods';
import type { AdminPeriod } from '../api/list-periods';
import { PeriodForm } from '../components/periods-form';
import { periodsMessages } from '../messages/periods';
import { AdminConfirmDialog } from '../components/admin-confirm-dialog';

export function Component() {
  const t = useMessages(periodsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const announce = useAnnounce();
  const periods = usePeriods();
  const remove = useDeletePeriod();
  const [editing, setEditing] = useState<AdminPeriod | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<AdminPeriod | undefined>();

  const resetForm = () => {
    setEditing(undefined);
    setFormKey((k) => k + 1);
  };

  return (
    <Page title={t('title')}>
      <PeriodForm
        key={editing ? `edit-${editing.id}` : `new-${formKey}`}
        period={editing}
        onDone={resetForm}
      />
      <h2>{t('listTitle')}</h2>
      <ErrorAlert error={periods.error} />
      {periods.isPending ? <Loading label={common('loading')} /> : null}
      {periods.data && periods.data.length === 0 ? <p>{t('empty')}</p> : null}
      {periods.data && periods.data.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colOpens')}</th>
                <th scope="col">{t('colCloses')}</th>
                <th scope="col">{t('colYears')}</th>
                <th scope="col">{t('colMaxCredits')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.data.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('colName')}>{p.name}</td>
                  <td data-label={t('colKind')}>{t(`kind_${p.kind}`)}</td>
                  <td data-label={t('colOpens')}>{formatDateTime(p.opensAt, locale)}</td>
                  <td data-label={t('colCloses')}>{formatDateTime(p.closesAt, locale)}</td>
                  <td data-label={t('colYears')}>{p.years.join(', ')}</td>
                  <td data-label={t('colMaxCredits')}>{p.maxCredits}</td>
                  <td data-label={t('colState')}>
                    {p.open ? <span className="badge">{t('open')}</span> : t('notOpen')}
                  </td>
                  <td data-label={t('colActions')}>
                    <Button variant="link" onClick={() => setEditing(p)}>
                      {t('edit', { name: p.name })}
                    </Button>
                    <Button variant="link" onClick={() => setDeleting(p)}>
                      {t('delete', { name: p.name })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {deleting ? (
        <AdminConfirmDialog
          title={t('deleteTitle')}
          confirmLabel={t('deleteConfirm')}
          busy={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(undefined)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                if (editing?.id === deleting.id) resetForm();
                setDeleting(undefined);
                announce(t('deleted'));
              },
            })
          }
        >
          <p>{t('deleteBody', { name: deleting.name })}</p>
        </AdminConfirmDialog>
      ) : null}
    </Page>
  );
}
