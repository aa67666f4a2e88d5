import { TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n/i18n';
import { studentsMessages } from '../messages/students';

export interface ContactDraft {
  tel: string;
  email: string;
  birthDate: string;
}
export type ContactErrors = Partial<Record<keyof ContactDraft, string>>;

const TEL = /^[0-9+() -]{4,20}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The server's own patterns for these fields, checked before sending so each error sits by its field. */
export function checkContact(
  draft: ContactDraft,
  t: (key: 'telInvalid' | 'emailInvalid') => string,
): ContactErrors {
  return {
    tel: draft.tel.trim() !== '' && !TEL.test(draft.tel.trim()) ? t('telInvalid') : undefined,
    email: draft.email.trim() !== '' && !EMAIL.test(draft.email.trim()) ? t('emailInvalid') : undefined,
  };
}

/** "" means no value: the API takes null for a cleared field. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function StudentsContactFields({
  draft,
  errors,
  onChange,
}: {
  draft: ContactDraft;
  errors: ContactErrors;
  onChange: (draft: ContactDraft) => void;
}) {
  const t = useMessages(studentsMessages);
  return (
    <div className="form-row">
      <TextField
        label={t('tel')}
        type="tel"
        autoComplete="off"
        value={draft.tel}
        error={errors.tel}
        onChange={(e) => onChange({ ...draft, tel: e.target.value })}
      />
      <TextField
        label={t('email')}
        type="email"
        autoComplete="off"
        value={draft.email}
        error={errors.email}
        onChange={(e) => onChange({ ...draft, email: e.target.value })}
      />
      <TextField
        label={t('birthDate')}
        type="date"
        value={draft.birthDate}
        error={errors.birthDate}
        onChange={(e) => onChange({ ...draft, birthDate: e.target.value })}
      />
    </div>
  );
}
