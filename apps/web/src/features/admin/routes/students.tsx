import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useCreateStudent } from '../api/create-student';
import { useDeleteStudent } from '../api/delete-student';
import { useStudents } from '../api/list-students';
import type { AdminStudent, StudentSearch } from '../api/list-students';
import { useResetStudentPassword } from '../api/reset-student-password';
import { useUpdateStudent } from '../api/update-student';
import type { UpdateStudentInput } from '../api/update-student';
import { AdminConfirmDialog, AdminFormDialog } from '../components/admin-confirm-dialog';
import { AdminDepartmentSelect } from '../components/admin-department-select';
import { AdminOneTimePassword } from '../components/admin-one-time-password';
import { AdminStatus } from '../components/admin-status';
import '../components/admin-pages.css';
import { StudentsContactFields, checkContact, orNull } from '../components/students-fields';
import type { ContactDraft, ContactErrors } from '../components/students-fields';
import { adminSharedMessages } from '../messages/admin-shared';
import { studentsMessages } from '../messages/students';
import { AdminRowActions } from '../components/admin-row-actions';

const PAGE_SIZE = 20;
type Open = { kind: 'edit' | 'reset' | 'delete'; student: AdminStudent } | null;

function seoulYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Seoul', year: 'numeric' }).format(new Date()),
  );
}

function YearSelect({
  label,
  value,
  onChange,
  anyLabel,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  anyLabel?: string;
}) {
  const shared = useMessages(adminSharedMessages);
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
      {[1, 2, 3, 4].map((year) => (
        <option key={year} value={String(year)}>
          {shared('yearN', { year })}
        </option>
      ))}
    </SelectField>
  );
}

export function Component() {
  const t = useMessages(studentsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const [form, setForm] = useState({ q: '', departmentId: '', year: '' });
  const [search, setSearch] = useState<StudentSearch>({ page: 1, pageSize: PAGE_SIZE });
  const students = useStudents(search);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<Open>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch({
      page: 1,
      pageSize: PAGE_SIZE,
      ...(form.q.trim() ? { q: form.q.trim() } : {}),
      ...(form.departmentId ? { departmentId: Number(form.departmentId) } : {}),
      ...(form.year ? { year: Number(form.year) } : {}),
    });
  }

  return (
    <Page
      title={t('title')}
      actions={
        <Link href="/admin/students/import" className="btn btn-secondary">
          {t('importLink')}
        </Link>
      }
    >
      <AdminStatus message={status} />
      <form className="card" role="search" aria-labelledby="student-search" onSubmit={submit}>
        <h2 id="student-search">{t('searchHeading')}</h2>
        <div className="form-row">
          <TextField
            label={t('q')}
            hint={t('qHint')}
            type="search"
            maxLength={100}
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
          />
          <AdminDepartmentSelect
            label={shared('department')}
            anyLabel={shared('allDepartments')}
            value={form.departmentId}
            onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
          />
          <YearSelect
            label={t('year')}
            anyLabel={shared('allYears')}
            value={form.year}
            onChange={(year) => setForm({ ...form, year })}
          />
        </div>
        <div className="form-actions">
          <Button type="submit">{common('search')}</Button>
        </div>
      </form>
      {students.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={students.error} />
      {students.data ? (
        <>
          <div className="table-wrap">
            <table className="responsive-table">
              <caption>{t('listCaption', { total: students.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('studentNo')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{shared('department')}</th>
                  <th scope="col" className="num">
                    {t('year')}
                  </th>
                  <th scope="col" className="num">
                    {t('entryYear')}
                  </th>
                  <th scope="col">{shared('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {students.data.items.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t('studentNo')}>{s.studentNo}</td>
                    <th scope="row" data-label={t('name')}>
                      {s.name}
                      {s.mustChangePassword ? (
                        <>
                          {' '}
                          <span className="badge">{t('mustChange')}</span>
                        </>
                      ) : null}
                    </th>
                    <td data-label={shared('department')}>{s.department.name}</td>
                    <td className="num" data-label={t('year')}>
                      {s.year}
                    </td>
                    <td className="num" data-label={t('entryYear')}>
                      {s.entryYear}
                    </td>
                    <td data-label={shared('actions')}>
                      <AdminRowActions
                        subject={`${s.name} ${s.studentNo}`}
                        actions={[
                          { label: common('edit'), onClick: () => setOpen({ kind: 'edit', student: s }) },
                          {
                            label: t('resetPassword'),
                            onClick: () => setOpen({ kind: 'reset', student: s }),
                          },
                          {
                            label: common('delete'),
                            onClick: () => setOpen({ kind: 'delete', student: s }),
                            variant: 'danger',
                          },
                        ]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {students.data.items.length === 0 ? <p className="muted">{shared('empty')}</p> : null}
          </div>
          <Pagination
            page={search.page}
            pageSize={PAGE_SIZE}
            total={students.data.total}
            onPage={(page) => setSearch({ ...search, page })}
          />
        </>
      ) : null}
      <CreateStudent />
      {open?.kind === 'edit' ? (
        <EditStudent
          student={open.student}
          onClose={() => setOpen(null)}
          onSaved={(message) => {
            setOpen(null);
            setStatus(message);
          }}
        />
      ) : null}
      {open?.kind === 'reset' ? <ResetPassword student={open.student} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'delete' ? (
        <DeleteStudent
          student={open.student}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            setStatus(t('deletedOne', { name: open.student.name }));
          }}
        />
      ) : null}
    </Page>
  );
}

function CreateStudent() {
  const t = useMessages(studentsMessages);
  const shared = useMessages(adminSharedMessages);
  const common = useMessages(commonMessages);
  const create = useCreateStudent();
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [entryYear, setEntryYear] = useState(() => String(seoulYear()));
  const [year, setYear] = useState('1');
  const [contact, setContact] = useState<ContactDraft>({ tel: '', email: '', birthDate: '' });
  const [errors, setErrors] = useState<
    ContactErrors & { name?: string; departmentId?: string; entryYear?: string }
  >({});
  const [created, setCreated] = useState<
    { name: string; studentNo: string; password?: string } | undefined
  >();

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      ...checkContact(contact, t),
      name: name.trim() === '' ? shared('required') : undefined,
      departmentId: departmentId === '' ? shared('required') : undefined,
      entryYear: /^[0-9]{4}$/.test(entryYear) ? undefined : t('entryYearInvalid'),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const tel = orNull(contact.tel);
    const email = orNull(contact.email);
    const birthDate = orNull(contact.birthDate);
    create.mutate(
      {
        name: name.trim(),
        departmentId: Number(departmentId),
        entryYear: Number(entryYear),
        year: Number(year),
        ...(tel ? { tel } : {}),
        ...(email ? { email } : {}),
        ...(birthDate ? { birthDate } : {}),
      },
      {
        onSuccess: (result) => {
          setCreated({ name: name.trim(), studentNo: result.studentNo, password: result.initialPassword });
          setName('');
          setContact({ tel: '', email: '', birthDate: '' });
        },
      },
    );
  }

  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby="create-student">
      <h2 id="create-student">{t('createHeading')}</h2>
      <p className="muted">{t('createHint')}</p>
      <div role="status">
        {created ? (
          <>
            <p className="alert alert-success">
              {t('createdOne', { name: created.name, studentNo: created.studentNo })}
            </p>
            {created.password ? (
              <AdminOneTimePassword
                who={`${created.name} (${created.studentNo})`}
                password={created.password}
              />
            ) : null}
          </>
        ) : null}
      </div>
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
        <TextField
          label={t('entryYear')}
          inputMode="numeric"
          required
          maxLength={4}
          value={entryYear}
          error={errors.entryYear}
          onChange={(e) => setEntryYear(e.target.value.trim())}
        />
        <YearSelect label={t('year')} value={year} onChange={setYear} />
      </div>
      <StudentsContactFields draft={contact} errors={errors} onChange={setContact} />
      <ErrorAlert error={create.error} />
      <div className="form-actions">
        <Button type="submit" busy={create.isPending}>
          {common('create')}
        </Button>
      </div>
    </form>
  );
}

function EditStudent({
  student,
  onClose,
  onSaved,
}: {
  student: AdminStudent;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useMessages(studentsMessages);
  const shared = useMessages(adminSharedMessages);
  const update = useUpdateStudent();
  const [name, setName] = useState(student.name);
  const [departmentId, setDepartmentId] = useState(String(student.department.id));
  const [year, setYear] = useState(String(student.year));
  const [contact, setContact] = useState<ContactDraft>({
    tel: student.tel ?? '',
    email: student.email ?? '',
    birthDate: student.birthDate ?? '',
  });
  const [address, setAddress] = useState({
    postcode: student.address.postcode ?? '',
    line1: student.address.line1 ?? '',
    line2: student.address.line2 ?? '',
  });
  const [errors, setErrors] = useState<ContactErrors & { name?: string; postcode?: string }>({});
  const [unchanged, setUnchanged] = useState(false);

  function save() {
    const next = {
      ...checkContact(contact, t),
      name: name.trim() === '' ? shared('required') : undefined,
      postcode:
        address.postcode.trim() !== '' && !/^[0-9]{5}$/.test(address.postcode.trim())
          ? t('postcodeInvalid')
          : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    // Only what changed: the server refuses an empty patch, and the audit log keeps real changes only.
    const body: UpdateStudentInput = {};
    if (name.trim() !== student.name) body.name = name.trim();
    if (Number(departmentId) !== student.department.id) body.departmentId = Number(departmentId);
    if (Number(year) !== student.year) body.year = Number(year);
    for (const key of ['tel', 'email', 'birthDate'] as const) {
      const value = orNull(contact[key]);
      if (value !== student[key]) body[key] = value;
    }
    const addressPatch: NonNullable<UpdateStudentInput['address']> = {};
    for (const key of ['postcode', 'line1', 'line2'] as const) {
      const value = orNull(address[key]);
      if (value !== student.address[key]) addressPatch[key] = value;
    }
    if (Object.keys(addressPatch).length > 0) body.address = addressPatch;
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    update.mutate(
      { id: student.id, body },
      { onSuccess: (saved) => onSaved(t('savedOne', { name: saved.name })) },
    );
  }

  return (
    <AdminFormDialog
      title={t('editTitle', { name: student.name, studentNo: student.studentNo })}
      busy={update.isPending}
      error={update.error}
      onClose={onClose}
      onSubmit={save}
    >
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
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
        />
        <YearSelect label={t('year')} value={year} onChange={setYear} />
      </div>
      <StudentsContactFields draft={contact} errors={errors} onChange={setContact} />
      <div className="form-row">
        <TextField
          label={t('postcode')}
          inputMode="numeric"
          maxLength={5}
          value={address.postcode}
          error={errors.postcode}
          onChange={(e) => setAddress({ ...address, postcode: e.target.value })}
        />
        <TextField
          label={t('line1')}
          maxLength={200}
          value={address.line1}
          onChange={(e) => setAddress({ ...address, line1: e.target.value })}
        />
        <TextField
          label={t('line2')}
          maxLength={200}
          value={address.line2}
          onChange={(e) => setAddress({ ...address, line2: e.target.value })}
        />
      </div>
      {unchanged ? <p role="status">{t('nothingChanged')}</p> : null}
    </AdminFormDialog>
  );
}

function ResetPassword({ student, onClose }: { student: AdminStudent; onClose: () => void }) {
  const t = useMessages(studentsMessages);
  const common = useMessages(commonMessages);
  const reset = useResetStudentPassword();
  // One dialog for both steps, so focus stays inside it when the password appears.
  return (
    <Dialog
      open
      title={t('resetTitle', { name: student.name, studentNo: student.studentNo })}
      onClose={onClose}
    >
      {reset.data ? (
        <>
          <AdminOneTimePassword
            who={`${student.name} (${student.studentNo})`}
            password={reset.data.initialPassword}
          />
          <div className="form-actions">
            <Button onClick={onClose}>{common('close')}</Button>
          </div>
        </>
      ) : (
        <>
          <p>{t('resetBody')}</p>
          <ErrorAlert error={reset.error} />
          <div className="form-actions">
            <Button busy={reset.isPending} onClick={() => reset.mutate(student.id)}>
              {t('resetConfirm')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {common('cancel')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function DeleteStudent({
  student,
  onClose,
  onDeleted,
}: {
  student: AdminStudent;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useMessages(studentsMessages);
  const shared = useMessages(adminSharedMessages);
  const remove = useDeleteStudent();
  return (
    <AdminConfirmDialog
      title={t('deleteTitle', { name: student.name, studentNo: student.studentNo })}
      confirmLabel={shared('confirmDelete')}
      busy={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate(student.id, { onSuccess: onDeleted })}
    >
      <p>{t('deleteBody')}</p>
    </AdminConfirmDialog>
  );
}
