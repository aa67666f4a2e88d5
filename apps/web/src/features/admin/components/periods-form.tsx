import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { isoToSeoulLocal, seoulLocalToIso } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n/i18n';
import { useCreatePeriod } from '../api/create-period';
import type { PeriodBody } from '../api/create-period';
import type { AdminPeriod } from '../api/list-periods';
import { useUpdatePeriod } from '../api/update-period';
import { periodsMessages } from '../messages/periods';

export const PERIOD_KINDS = ['registration', 'cart', 'add_drop'] as const;
const YEARS = [1, 2, 3, 4] as const;

/**
 * Opening and closing are typed as Seoul wall time and sent as instants: the registrar in Seoul
 * and a laptop set to another zone must create the same period.
 */
export function PeriodForm({ period, onDone }: { period?: AdminPeriod; onDone: () => void }) {
  const t = useMessages(periodsMessages);
  const announce = useAnnounce();
  const create = useCreatePeriod();
  const update = useUpdatePeriod();
  const mutation = period ? update : create;
  const [name, setName] = useState(period?.name ?? '');
  const [kind, setKind] = useState<PeriodBody['kind']>(period?.kind ?? 'registration');
  const [opens, setOpens] = useState(period ? isoToSeoulLocal(period.opensAt) : '');
  const [closes, setCloses] = useState(period ? isoToSeoulLocal(period.closesAt) : '');
  const [years, setYears] = useState<number[]>(period?.years ?? [1, 2, 3, 4]);
  const [maxCredits, setMaxCredits] = useState(String(period?.maxCredits ?? 18));
  const [submitted, setSubmitted] = useState(false);

  const credits = Number(maxCredits);
  const errors: Partial<Record<'name' | 'opens' | 'closes' | 'years' | 'maxCredits', string>> = {
    ...(name.trim() === '' ? { name: t('nameRequired') } : {}),
    ...(opens === '' ? { opens: t('timeRequired') } : {}),
    ...(closes === ''
      ? { closes: t('timeRequired') }
      : opens !== '' && closes <= opens
        ? { closes: t('closesBeforeOpens') }
        : {}),
    ...(years.length === 0 ? { years: t('yearsRequired') } : {}),
    ...(!Number.isInteger(credits) || credits < 1 || credits > 30
      ? { maxCredits: t('maxCreditsInvalid') }
      : {}),
  };
  const shown = submitted ? errors : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      announce(Object.values(errors).join(' '), 'assertive');
      return;
    }
    const body: PeriodBody = {
      name: name.trim(),
      kind,
      opensAt: seoulLocalToIso(opens),
      closesAt: seoulLocalToIso(closes),
      years: [...years].sort((a, b) => a - b),
      maxCredits: credits,
    };
    const done = () => {
      announce(t(period ? 'saved' : 'created', { name: body.name }));
      onDone();
    };
    if (period) update.mutate({ id: period.id, body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="period-form-title">
      <h2 id="period-form-title">{period ? t('editTitle', { name: period.name }) : t('createTitle')}</h2>
      <TextField
        label={t('name')}
        value={name}
        required
        maxLength={100}
        error={shown.name}
        onChange={(e) => setName(e.target.value)}
      />
      <SelectField
        label={t('kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as PeriodBody['kind'])}
      >
        {PERIOD_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind_${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <TextField
          label={t('opensAt')}
          type="datetime-local"
          step={60}
          required
          value={opens}
          hint={t('timeHint')}
          error={shown.opens}
          onChange={(e) => setOpens(e.target.value)}
        />
        <TextField
          label={t('closesAt')}
          type="datetime-local"
          step={60}
          required
          value={closes}
          error={shown.closes}
          onChange={(e) => setCloses(e.target.value)}
        />
      </div>
      <fieldset aria-describedby={shown.years ? 'period-years-error' : undefined}>
        <legend>{t('years')}</legend>
        {YEARS.map((y) => (
          <label key={y} className="checkbox">
            <input
              type="checkbox"
              checked={years.includes(y)}
              onChange={(e) =>
                setYears((current) => (e.target.checked ? [...current, y] : current.filter((c) => c !== y)))
              }
            />{' '}
            {t('yearN', { year: y })}
          </label>
        ))}
        {shown.years ? (
          <p id="period-years-error" className="field-error">
            {shown.years}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label={t('maxCredits')}
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        required
        value={maxCredits}
        error={shown.maxCredits}
        onChange={(e) => setMaxCredits(e.target.value)}
      />
      <ErrorAlert error={mutation.error} />
      <div className="form-row">
        <Button type="submit" busy={mutation.isPending}>
          {period ? t('save') : t('create')}
        </Button>
        {period ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancelEdit')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
