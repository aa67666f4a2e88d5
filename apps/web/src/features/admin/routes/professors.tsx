import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useCreateProfessor } from '../api/create-professor';
import { useDeleteProfessor } from '../api/delete-professor';
import { useProfessors } from '../api/list-professors';
import type { AdminProfessor } from '../api/list-professors';
import { useUpdateProfessor } from '../api/update-professor';
import type { UpdateProfessorInput } from '../api/update-professor';
import { AdminConfirmDialog, AdminFormDialog } from '../components/admin-confirm-dialog';
import { AdminDepartmentSelect } from '../components/admin-department-select';
import { AdminStatus } from '../components/admin-status';
import '../components/admin-pages.css';
import { adminSharedMessages } from '../messages/admin-shared';
import { professorsMessages } from '../messages/professors';
import { AdminRowActions } from '../components/admin-row-actions';

type Open = { kind: 'edit' | 'delete'; professor: AdminProfessor } | null;

export function Component() {
  const t = useMessages(professorsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const [departmentId, setDepartmentId] = useState('');
  const professors = useProfessors(departmentId ? Number(departmentId) : undefined);
  const remove = useDeleteProfessor();
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<Open>(null);

  return (
    <Page title={t('title')}>
      <AdminStatus message={status} />
      <CreateProfessor onCreated={setStatus} />
      <h2>{t('listHeading')}</h2>
      <div className="form-row">
        <AdminDepartmentSelect
          label={t('filter')}
          anyLabel={shared('allDepartments')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
        />
      </div>
      {professors.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={professors.error} />
      {professors.data ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">
              {t('listCaption', { count: professors.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{shared('department')}</th>
                <th scope="col" className="num">
                  {t('sections')}
                </th>
                <th scope="col">{shared('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {professors.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row" data-label={t('name')}>
                    {p.name}
                  </th>
                  <td data-label={shared('department')}>{p.department.name}</td>
                  <td className="num" data-label={t('sections')}>
                    {p.sectionCount}
                  </td>
                  <td data-label={shared('actions')}>
                    <AdminRowActions
                      subject={p.name}
                      actions={[
                        { label: common('edit'), onClick: () => setOpen({ kind: 'edit', professor: p }) },
                        {
                          label: common('delete'),
                          onClick: () => {
                            remove.reset();
                            setOpen({ kind: 'delete', professor: p });
                          },
                          variant: 'danger',
                        },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {professors.data.length === 0 ? <p className="muted">{shared('empty')}</p> : null}
        </div>
      ) : null}
      {open?.kind === 'edit' ? (
        <EditProfessor
          professor={open.professor}
          onClose={() => setOpen(null)}
          onSaved={(name) => {
            setOpen(null);
            setStatus(t('savedOne', { name }));
          }}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <AdminConfirmDialog
          title={t('deleteTitle', { name: open.professor.name })}
          confirmLabel={shared('confirmDelete')}
          busy={remove.isPending}
          error={remove.error}
          onClose={() => setOpen(null)}
          onConfirm={() =>
            remove.mutate(open.professor.id, {
              onSuccess: () => {
                setOpen(null);
                setStatus(t('deletedOne', { name: open.professor.name }));
              },
            })
          }
        >
          <p>{t('deleteBody', { name: open.professor.name, count: open.professor.sectionCount })}</p>
        </AdminConfirmDialog>
      ) : null}
    </Page>
  );
}

function CreateProfessor({ onCreated }: { onCreated: (message: string) => void }) {
  const t = useMessages(professorsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const create = useCreateProfessor();
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [errors, setErrors] = useState<{ name?: string; departmentId?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      name: name.trim() === '' ? shared('required') : undefined,
      departmentId: departmentId === '' ? shared('required') : undefined,
    };
    setErrors(next);
    if (next.name || next.departmentId) return;
    create.mutate(
      { name: name.trim(), departmentId: Number(departmentId) },
      {
        onSuccess: () => {
          onCreated(t('createdOne', { name: name.trim() }));
          setName('');
        },
      },
    );
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="create-professor">
      <h2 id="create-professor">{t('createHeading')}</h2>
      <div className="form-row">
        <TextField
          label={t('name')}
          required
          maxLength={100}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <AdminDepartmentSelect
          label={shared('department')}
          required
          value={departmentId}
          error={errors.departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
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

function EditProfessor({
  professor,
  onClose,
  onSaved,
}: {
  professor: AdminProfessor;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const t = useMessages(professorsMessages);
  const shared = useMessages(adminSharedMessages);
  const update = useUpdateProfessor();
  const [name, setName] = useState(professor.name);
  const [departmentId, setDepartmentId] = useState(String(professor.department.id));
  const [error, setError] = useState<string | undefined>();
  return (
    <AdminFormDialog
      title={t('editTitle', { name: professor.name })}
      busy={update.isPending}
      error={update.error}
      onClose={onClose}
      onSubmit={() => {
        if (name.trim() === '') {
          setError(shared('required'));
          return;
        }
        setError(undefined);
        const body: UpdateProfessorInput = {};
        if (name.trim() !== professor.name) body.name = name.trim();
        if (Number(departmentId) !== professor.department.id) body.departmentId = Number(departmentId);
        if (Object.keys(body).length === 0) {
          onClose();
          return;
        }
        update.mutate({ id: professor.id, body }, { onSuccess: () => onSaved(name.trim()) });
      }}
    >
      <TextField
        label={t('name')}
        required
        maxLength={100}
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
      <AdminDepartmentSelect
        label={shared('department')}
        value={departmentId}
        onChange={(e) => setDepartmentId(e.target.value)}
      />
    </AdminFormDialog>
  );
}
