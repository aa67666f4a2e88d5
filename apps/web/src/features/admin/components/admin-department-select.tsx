import type { SelectHTMLAttributes } from 'react';
import { SelectField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n/i18n';
import { useDepartments } from '../api/list-departments';
import { adminSharedMessages } from '../messages/admin-shared';

/** The department picker of every form and filter here; `anyLabel` adds an empty choice first. */
export function AdminDepartmentSelect({
  label,
  anyLabel,
  error,
  ...select
}: {
  label: string;
  anyLabel?: string;
  error?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const t = useMessages(adminSharedMessages);
  const departments = useDepartments();
  return (
    <SelectField label={label} error={error} {...select}>
      {anyLabel !== undefined ? <option value="">{anyLabel}</option> : <option value="">—</option>}
      {(departments.data ?? []).map((d) => (
        <option key={d.id} value={String(d.id)}>
          {d.name} ({d.code})
        </option>
      ))}
      {departments.isError ? <option disabled>{t('none')}</option> : null}
    </SelectField>
  );
}
