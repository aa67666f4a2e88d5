import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n/i18n';
import { registrationKeys } from '../api/query-keys';
import { fetchSections, useSectionSearch } from '../api/search-sections';
import { useDebounced } from '../hooks/use-debounced';
import { registrationMessages } from '../messages';
import type { RegisterActions } from './register-button';
import { targetOf } from './section-table';

/**
 * 과목 코드 + 분반: the section is looked up while the student types, so pressing 신청 normally
 * sends the register call alone (the lookup is made at submit only if it has not answered yet).
 */
export function RegisterByCode({ actions }: { actions: RegisterActions }) {
  const t = useMessages(registrationMessages);
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [number, setNumber] = useState('');
  const [notFound, setNotFound] = useState<string | undefined>();
  const [lookupError, setLookupError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const wanted = code.trim().toUpperCase();
  useSectionSearch(useDebounced(wanted));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotFound(undefined);
    setLookupError(undefined);
    const n = Number(number);
    if (wanted.length === 0 || !Number.isInteger(n) || n < 1) return;
    setSubmitting(true);
    try {
      const sections = await queryClient.ensureQueryData({
        queryKey: registrationKeys.sections(wanted),
        queryFn: () => fetchSections(wanted),
      });
      const match = sections.find((s) => s.subject.code.toUpperCase() === wanted && s.number === n);
      if (match) await actions.register(targetOf(match));
      else setNotFound(t('noSuchSection', { code: wanted, number: n }));
    } catch (error) {
      setLookupError(error);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <section className="card" aria-labelledby="by-code-heading">
      <h2 id="by-code-heading">{t('byCodeHeading')}</h2>
      <form className="form-row by-code" aria-labelledby="by-code-heading" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('subjectCode')}
          hint={t('subjectCodeHint')}
          value={code}
          required
          autoComplete="off"
          autoCapitalize="characters"
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          label={t('sectionNumber')}
          value={number}
          required
          inputMode="numeric"
          pattern="[0-9]*"
          onChange={(e) => setNumber(e.target.value)}
        />
        <div className="form-actions">
          <Button type="submit" busy={submitting}>
            {t('register')}
          </Button>
        </div>
      </form>
      {notFound ? <Alert tone="error">{notFound}</Alert> : null}
      <ErrorAlert error={lookupError} />
    </section>
  );
}
