import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useCreateNotice } from '../api/create-notice';
import { useDeleteNotice } from '../api/delete-notice';
import { NOTICES_PAGE_SIZE, useNotices } from '../api/list-notices';
import type { AdminNotice } from '../api/list-notices';
import { useUpdateNotice } from '../api/update-notice';
import { noticesMessages } from '../messages/notices';
import { AdminConfirmDialog } from '../components/admin-confirm-dialog';

function NoticeForm({ notice, onDone }: { notice?: AdminNotice; onDone: () => void }) {
  const t = useMessages(noticesMessages);
  const announce = useAnnounce();
  const create = useCreateNotice();
  const update = useUpdateNotice();
  const mutation = notice ? update : create;
  const [title, setTitle] = useState(notice?.title ?? '');
  const [body, setBody] = useState(notice?.body ?? '');
  const [pinned, setPinned] = useState(notice?.pinned ?? false);
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    ...(title.trim() === '' ? { title: t('titleRequired') } : {}),
    ...(body.trim() === '' ? { body: t('bodyRequired') } : {}),
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.title || errors.body) {
      announce(Object.values(errors).join(' '), 'assertive');
      return;
    }
    const payload = { title: title.trim(), body, pinned };
    const done = () => {
      announce(t(notice ? 'saved' : 'created', { title: payload.title }));
      onDone();
    };
    if (notice) update.mutate({ id: notice.id, body: payload }, { onSuccess: done });
    else create.mutate(payload, { onSuccess: done });
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="notice-form-title">
      <h2 id="notice-form-title">{notice ? t('editTitle', { title: notice.title }) : t('createTitle')}</h2>
      <TextField
        label={t('fieldTitle')}
        value={title}
        required
        maxLength={100}
        error={submitted ? errors.title : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('fieldBody')}
        value={body}
        required
        rows={6}
        error={submitted ? errors.body : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      <label className="checkbox">
        <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> {t('pinned')}
      </label>
      <ErrorAlert error={mutation.error} />
      <div className="form-row">
        <Button type="submit" busy={mutation.isPending}>
          {notice ? t('save') : t('create')}
        </Button>
        {notice ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancelEdit')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function Component() {
  const t = useMessages(noticesMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const announce = useAnnounce();
  const [page, setPage] = useState(1);
  const notices = useNotices(page);
  const update = useUpdateNotice();
  const remove = useDeleteNotice();
  const [editing, setEditing] = useState<AdminNotice | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<AdminNotice | undefined>();
  const resetForm = () => {
    setEditing(undefined);
    setFormKey((k) => k + 1);
  };

  return (
    <Page title={t('title')}>
      <NoticeForm
        key={editing ? `edit-${editing.id}` : `new-${formKey}`}
        notice={editing}
        onDone={resetForm}
      />
      <h2>{t('listTitle')}</h2>
      <ErrorAlert error={notices.error ?? update.error} />
      {notices.isPending ? <Loading label={common('loading')} /> : null}
      {notices.data && notices.data.items.length === 0 ? <p>{t('empty')}</p> : null}
      {notices.data && notices.data.items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colPinned')}</th>
                  <th scope="col">{t('colUpdated')}</th>
                  <th scope="col">{t('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {notices.data.items.map((n) => (
                  <tr key={n.id}>
                    <td data-label={t('colTitle')}>{n.title}</td>
                    <td data-label={t('colPinned')}>
                      <input
                        type="checkbox"
                        aria-label={t('pinToggle', { title: n.title })}
                        checked={n.pinned}
                        disabled={update.isPending}
                        onChange={(e) => {
                          const next = e.target.checked;
                          update.mutate(
                            { id: n.id, body: { pinned: next } },
                            {
                              onSuccess: () =>
                                announce(t(next ? 'pinnedOn' : 'pinnedOff', { title: n.title })),
                            },
                          );
                        }}
                      />
                    </td>
                    <td data-label={t('colUpdated')}>{formatDateTime(n.updatedAt, locale)}</td>
                    <td data-label={t('colActions')}>
                      <Button variant="link" onClick={() => setEditing(n)}>
                        {t('edit', { title: n.title })}
                      </Button>
                      <Button variant="link" onClick={() => setDeleting(n)}>
                        {t('delete', { title: n.title })}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={NOTICES_PAGE_SIZE} total={notices.data.total} onPage={setPage} />
        </>
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
          <p>{t('deleteBody', { title: deleting.title })}</p>
        </AdminConfirmDialog>
      ) : null}
    </Page>
  );
}
