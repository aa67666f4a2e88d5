import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api/api-error';
import { useMessages } from '../../../lib/i18n/i18n';
import { useDepartments } from '../api/list-departments';
import { useLookUpStudentNumber } from '../api/look-up-student-number';
import { authMessages } from '../messages';

type Field = 'name' | 'departmentId' | 'phone';

export function Component() {
  const t = useMessages(authMessages);
  const departments = useDepartments();
  const lookup = useLookUpStudentNumber();
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = { name: name.trim() === '', departmentId: departmentId === '', phone: phone.trim() === '' };
    setMissing(gaps);
    if (gaps.name || gaps.departmentId || gaps.phone) return;
    lookup.mutate({ name: name.trim(), departmentId: Number(departmentId), phone: phone.trim() });
  };

  const notFound = lookup.error instanceof ApiError && lookup.error.code === 'NOT_FOUND';
  return (
    <Page title={t('lookupTitle')}>
      <p>{t('lookupIntro')}</p>
      <form className="card" onSubmit={onSubmit} noValidate>
        {notFound ? <Alert tone="error">{t('lookupNotFound')}</Alert> : <ErrorAlert error={lookup.error} />}
        <ErrorAlert error={departments.error} />
        <TextField
          label={t('name')}
          name="name"
          autoComplete="name"
          aria-required="true"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={missing.name ? t('required', { field: t('name') }) : undefined}
        />
        <SelectField
          label={t('department')}
          name="departmentId"
          aria-required="true"
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
          error={missing.departmentId ? t('chooseDepartment') : undefined}
        >
          <option value="">{t('chooseDepartment')}</option>
          {(departments.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.code})
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('phone')}
          hint={t('phoneHint')}
          name="phone"
          type="tel"
          autoComplete="tel"
          aria-required="true"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={missing.phone ? t('required', { field: t('phone') }) : undefined}
        />
        <div className="form-actions">
          <Button type="submit" busy={lookup.isPending}>
            {t('lookupSubmit')}
          </Button>
        </div>
      </form>
      {lookup.data ? (
        <Alert tone="success">
          <p>{t('lookupFound', { studentNo: lookup.data.studentNo })}</p>
        </Alert>
      ) : null}
      <p>
        <Link href="/">{t('backToSignIn')}</Link>
      </p>
    </Page>
  );
}
