import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useCreateSubject } from '../api/create-subject';
import { useDeleteSubject } from '../api/delete-subject';
import { useSubjects } from '../api/list-subjects';
import type { AdminSubject } from '../api/list-subjects';
import { useUpdateSubject } from '../api/update-subject';
import { AdminConfirmDialog, AdminFormDialog } from '../components/admin-confirm-dialog';
import { AdminDepartmentSelect } from '../components/admin-department-select';
import { AdminStatus } from '../components/admin-status';
import '../components/admin-pages.css';
import { SubjectsFields, TYPE_KEY, checkSubjectDraft, hasErrors } from '../components/subjects-form';
import type { SubjectDraft, SubjectErrors } from '../components/subjects-form';
import { adminSharedMessages } from '../messages/admin-shared';
import { subjectsMessages } from '../messages/subjects';
import { AdminRowActions } from '../components/admin-row-actions';

type Open = { kind: 'edit' | 'delete'; subject: AdminSubject } | null;

const EMPTY: SubjectDraft = {
  name: '',
  credits: '3',
  type: 'major_required',
  targetYear: '',
  description: '',
};

function draftOf(subject: AdminSubject): SubjectDraft {
  return {
    name: subject.name,
    credits: String(subject.credits),
    type: subject.type,
    targetYear: subject.targetYear === null ? '' : String(subject.targetYear),
    description: subject.description ?? '',
  };
}

function bodyOf(draft: SubjectDraft) {
  return {
    name: draft.name.trim(),
    credits: Number(draft.credits),
    type: draft.type,
    targetYear: draft.targetYear === '' ? null : Number(draft.targetYear),
    description: draft.description.trim() === '' ? null : draft.description.trim(),
  };
}

export function Component() {
  const t = useMessages(subjectsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const [departmentId, setDepartmentId] = useState('');
  const [search, setSearch] = useState('');
  const subjects = useSubjects(departmentId ? Number(departmentId) : undefined);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const remove = useDeleteSubject();

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = subjects.data ?? [];
    if (!needle) return all;
    return all.filter((s) => s.code.toLowerCase().includes(needle) || s.name.toLowerCase().includes(needle));
  }, [subjects.data, search]);

  return (
    <Page title={t('title')}>
      <AdminStatus message={status} />
      <CreateSubject onCreated={setStatus} />
      <h2>{t('listHeading')}</h2>
      <div className="form-row">
        <AdminDepartmentSelect
          label={t('filter')}
          anyLabel={shared('allDepartments')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
        />
        <TextField
          label={t('search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {subjects.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={subjects.error} />
      {subjects.data ? (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">{t('listCaption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{shared('department')}</th>
                <th scope="col" className="num">
                  {t('credits')}
                </th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('targetYear')}</th>
                <th scope="col" className="num">
                  {t('sectionCount')}
                </th>
                <th scope="col">{shared('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('code')}>{s.code}</td>
                  <th scope="row" data-label={t('name')}>
                    {s.name}
                  </th>
                  <td data-label={shared('department')}>{s.department.name}</td>
                  <td className="num" data-label={t('credits')}>
                    {s.credits}
                  </td>
                  <td data-label={t('type')}>{shared(TYPE_KEY[s.type])}</td>
                  <td data-label={t('targetYear')}>
                    {s.targetYear === null ? t('anyYear') : shared('yearN', { year: s.targetYear })}
                  </td>
                  <td className="num" data-label={t('sectionCount')}>
                    {s.sectionCount}
                  </td>
                  <td data-label={shared('actions')}>
                    <AdminRowActions
                      subject={s.name}
                      actions={[
                        { label: common('edit'), onClick: () => setOpen({ kind: 'edit', subject: s }) },
                        {
                          label: common('delete'),
                          onClick: () => {
                            remove.reset();
                            setOpen({ kind: 'delete', subject: s });
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
          {shown.length === 0 ? <p className="muted">{shared('empty')}</p> : null}
        </div>
      ) : null}
      {open?.kind === 'edit' ? (
        <EditSubject
          subject={open.subject}
          onClose={() => setOpen(null)}
          onSaved={(name) => {
            setOpen(null);
            setStatus(t('savedOne', { name }));
          }}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <AdminConfirmDialog
          title={t('deleteTitle', { name: open.subject.name })}
          confirmLabel={shared('confirmDelete')}
          busy={remove.isPending}
          error={remove.error}
          onClose={() => setOpen(null)}
          onConfirm={() =>
            remove.mutate(open.subject.id, {
              onSuccess: () => {
                setOpen(null);
                setStatus(t('deletedOne', { name: open.subject.name }));
              },
            })
          }
        >
          <p>
            {t('deleteBody', {
              name: open.subject.name,
              code: open.subject.code,
              count: open.subject.sectionCount,
            })}
          </p>
        </AdminConfirmDialog>
      ) : null}
    </Page>
  );
}

function CreateSubject({ onCreated }: { onCreated: (message: string) => void }) {
  const t = useMessages(subjectsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const create = useCreateSubject();
  const [departmentId, setDepartmentId] = useState('');
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState<SubjectDraft>(EMPTY);
  const [errors, setErrors] = useState<SubjectErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: SubjectErrors = {
      ...checkSubjectDraft(draft, shared('required'), t('creditsInvalid')),
      departmentId: departmentId === '' ? shared('required') : undefined,
      code: code !== '' && !/^[A-Z0-9-]{2,16}$/.test(code) ? t('codeInvalid') : undefined,
    };
    setErrors(next);
    if (hasErrors(next)) return;
    const body = bodyOf(draft);
    create.mutate(
      {
        departmentId: Number(departmentId),
        ...body,
        ...(code ? { code } : {}),
      },
      {
        onSuccess: (created) => {
          onCreated(t('createdOne', { name: body.name, code: created.code }));
          setDraft(EMPTY);
          setCode('');
        },
      },
    );
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="create-subject">
      <h2 id="create-subject">{t('createHeading')}</h2>
      <div className="form-row">
        <AdminDepartmentSelect
          label={shared('department')}
          required
          value={departmentId}
          error={errors.departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
        />
        <TextField
          label={t('code')}
          value={code}
          maxLength={16}
          hint={t('codeHint')}
          error={errors.code}
          onChange={(e) => setCode(e.target.value.toUpperCase().trim())}
        />
      </div>
      <SubjectsFields draft={draft} errors={errors} onChange={setDraft} />
      <ErrorAlert error={create.error} />
      <div className="form-actions">
        <Button type="submit" busy={create.isPending}>
          {common('create')}
        </Button>
      </div>
    </form>
  );
}

function EditSubject({
  subject,
  onClose,
  onSaved,
}: {
  subject: AdminSubject;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const t = useMessages(subjectsMessages);
  const shared = useMessages(adminSharedMessages);
  const update = useUpdateSubject();
  const [draft, setDraft] = useState<SubjectDraft>(() => draftOf(subject));
  const [errors, setErrors] = useState<SubjectErrors>({});
  return (
    <AdminFormDialog
      title={t('editTitle', { name: subject.name })}
      busy={update.isPending}
      error={update.error}
      onClose={onClose}
      onSubmit={() => {
        const next = checkSubjectDraft(draft, shared('required'), t('creditsInvalid'));
        setErrors(next);
        if (hasErrors(next)) return;
        const body = bodyOf(draft);
        // Only what changed: credits stay out unless edited, so CREDITS_LOCKED only meets a real change.
        const before = bodyOf(draftOf(subject));
        const patch = Object.fromEntries(
          Object.entries(body).filter(([key, value]) => before[key as keyof typeof before] !== value),
        );
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        update.mutate({ id: subject.id, body: patch }, { onSuccess: () => onSaved(body.name) });
      }}
    >
      <p className="muted">{t('editHint')}</p>
      <SubjectsFields draft={draft} errors={errors} onChange={setDraft} />
    </AdminFormDialog>
  );
}
