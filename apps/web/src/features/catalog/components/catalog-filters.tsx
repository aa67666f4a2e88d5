import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { WEEKDAYS, dayName } from '../../../lib/format';
import type { Weekday } from '../../../lib/format';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useDepartments } from '../api/list-departments';
import { CLOCK_OPTIONS, SUBJECT_TYPES } from '../lib/catalog-query';
import type { CatalogFilters, SubjectType } from '../lib/catalog-query';
import { catalogMessages } from '../messages';

type Draft = Record<
  'q' | 'department' | 'year' | 'type' | 'credits' | 'day' | 'from' | 'until' | 'professor',
  string
>;

function draftOf(f: CatalogFilters): Draft {
  return {
    q: f.q ?? '',
    department: f.department?.toString() ?? '',
    year: f.year?.toString() ?? '',
    type: f.type ?? '',
    credits: f.credits?.toString() ?? '',
    day: f.day ?? '',
    from: f.from ?? '',
    until: f.until ?? '',
    professor: f.professor ?? '',
  };
}

const num = (v: string) => (v ? Number(v) : undefined);
const str = (v: string) => (v.trim() ? v.trim() : undefined);

/** The filter form; nothing is searched until the student submits, then the address bar holds it all. */
export function CatalogFiltersForm({
  filters,
  onApply,
}: {
  filters: CatalogFilters;
  onApply: (next: CatalogFilters) => void;
}) {
  const t = useMessages(catalogMessages);
  const { locale } = useLocale();
  const departments = useDepartments();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters));
  const [untilError, setUntilError] = useState(false);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = draft.from !== '' && draft.until !== '' && draft.until <= draft.from;
    setUntilError(bad);
    if (bad) return;
    onApply({
      q: str(draft.q),
      department: num(draft.department),
      year: num(draft.year),
      type: (draft.type || undefined) as SubjectType | undefined,
      credits: num(draft.credits),
      day: (draft.day || undefined) as Weekday | undefined,
      from: draft.from || undefined,
      until: draft.until || undefined,
      professor: str(draft.professor),
      sort: filters.sort,
      order: filters.order,
      page: 1,
    });
  };

  const reset = () => {
    setDraft(draftOf({ page: 1 }));
    setUntilError(false);
    onApply({ page: 1, sort: filters.sort, order: filters.order });
  };

  return (
    <form role="search" aria-label={t('filters')} className="catalog-filters card no-print" onSubmit={submit}>
      <div className="form-row">
        <TextField label={t('q')} type="search" value={draft.q} onChange={set('q')} />
        <TextField label={t('professor')} type="search" value={draft.professor} onChange={set('professor')} />
        <SelectField label={t('department')} value={draft.department} onChange={set('department')}>
          <option value="">{t('any')}</option>
          {(departments.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <SelectField label={t('year')} value={draft.year} onChange={set('year')}>
          <option value="">{t('any')}</option>
          {[1, 2, 3, 4].map((y) => (
            <option key={y} value={y}>
              {t('yearN', { year: y })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('type')} value={draft.type} onChange={set('type')}>
          <option value="">{t('any')}</option>
          {SUBJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type_${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('credits')} value={draft.credits} onChange={set('credits')}>
          <option value="">{t('any')}</option>
          {[1, 2, 3, 4, 5, 6].map((c) => (
            <option key={c} value={c}>
              {t('creditsN', { credits: c })}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('day')} value={draft.day} onChange={set('day')}>
          <option value="">{t('any')}</option>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {dayName(d, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('from')} value={draft.from} onChange={set('from')}>
          <option value="">{t('any')}</option>
          {CLOCK_OPTIONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('until')}
          value={draft.until}
          onChange={set('until')}
          error={untilError ? t('untilAfterFrom') : undefined}
        >
          <option value="">{t('any')}</option>
          {CLOCK_OPTIONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <Button type="submit">{t('apply')}</Button>
        <Button variant="secondary" onClick={reset}>
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
