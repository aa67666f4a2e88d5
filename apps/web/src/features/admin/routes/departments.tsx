import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useCreateDepartment } from '../api/create-department';
import { useDepartments } from '../api/list-departments';
import type { AdminDepartment } from '../api/list-departments';
import { useRenameDepartment } from '../api/rename-department';
import { AdminFormDialog } from '../components/admin-confirm-dialog';
import { AdminStatus } from '../components/admin-status';
import { DepartmentsDeleteDialog } from '../components/departments-delete-dialog';
import '../components/admin-pages.css';
import { adminSharedMessages } from '../messages/admin-shared';
import { departmentsMessages } from '../messages/departments';
import { AdminRowActions } from '../components/admin-row-actions';

type Open = { kind: 'rename' | 'delete'; department: AdminDepartment } | null;

export function Component() {
  const t = useMessages(departmentsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const departments = useDepartments();
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<Open>(null);

  return (
    <Page title={t('title')}>
      <AdminStatus message={status} />
      <CreateDepartment onCreated={setStatus} />
      <h2>{t('listHeading')}</h2>
      {departments.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={departments.error} />
      {departments.data ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">
              {t('listCaption', { count: departments.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{shared('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.data.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('code')}>{d.code}</td>
                  <th scope="row" data-label={t('name')}>
                    {d.name}
                  </th>
                  <td data-label={shared('actions')}>
                    <AdminRowActions
                      subject={d.name}
                      actions={[
                        { label: t('rename'), onClick: () => setOpen({ kind: 'rename', department: d }) },
                        {
                          label: common('delete'),
                          onClick: () => setOpen({ kind: 'delete', department: d }),
                          variant: 'danger',
                        },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {departments.data.length === 0 ? <p className="muted">{shared('empty')}</p> : null}
        </div>
      ) : null}
      {open?.kind === 'rename' ? (
        <RenameDialog
          department={open.department}
          onClose={() => setOpen(null)}
          onRenamed={(name) => {
            setOpen(null);
            setStatus(t('renamed', { name }));
          }}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DepartmentsDeleteDialog
          department={open.department}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            setStatus(t('deletedOne', { name: open.department.name }));
          }}
        />
      ) : null}
    </Page>
  );
}

function CreateDepartment({ onCreated }: { onCreated: (message: string) => void }) {
  const t = useMessages(departmentsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const create = useCreateDepartment();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ name?: string; code?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      name: name.trim() === '' ? shared('required') : undefined,
      code: code !== '' && !/^[0-9]{2}$/.test(code) ? t('codeInvalid') : undefined,
    };
    setErrors(next);
    if (next.name || next.code) return;
    create.mutate(
      { name: name.trim(), ...(code ? { code } : {}) },
      {
        onSuccess: (created) => {
          onCreated(t('createdOne', { name: name.trim(), code: created.code }));
          setName('');
          setCode('');
        },
      },
    );
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="create-department">
      <h2 id="create-department">{t('createHeading')}</h2>
      <div className="form-row">
        <TextField
          label={t('name')}
          value={name}
          required
          maxLength={100}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('code')}
          value={code}
          inputMode="numeric"
          maxLength={2}
          hint={t('codeHint')}
          error={errors.code}
          onChange={(e) => setCode(e.target.value.trim())}
        />
      </div>
      <ErrorAlert error={create.error} />
      <div className="form-actions">
        <Button type="submit" busy={create.isPending}>
          {common('create')}
        </Button>
      </div>
    </form>
  );
}

function RenameDialog({
  department,
  onClose,
  onRenamed,
}: {
  department: AdminDepartment;
  onClose: () => void;
  onRenamed: (name: string) => void;
}) {
  const t = useMessages(departmentsMessages);
  const shared = useMessages(adminSharedMessages);
  const rename = useRenameDepartment();
  const [name, setName] = useState(department.name);
  const [error, setError] = useState<string | undefined>();
  return (
    <AdminFormDialog
      title={t('renameTitle', { name: department.name })}
      busy={rename.isPending}
      error={rename.error}
      onClose={onClose}
      onSubmit={() => {
        const trimmed = name.trim();
        if (trimmed === '') {
          setError(shared('required'));
          return;
        }
        setError(undefined);
        rename.mutate({ id: department.id, name: trimmed }, { onSuccess: () => onRenamed(trimmed) });
      }}
    >
      <TextField
        label={t('newName')}
        value={name}
        required
        maxLength={100}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
    </AdminFormDialog>
  );
}
