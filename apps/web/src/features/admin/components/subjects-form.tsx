import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { useMessages } from '../../../lib/i18n/i18n';
import { SUBJECT_TYPES } from '../api/list-subjects';
import type { SubjectType } from '../api/list-subjects';
import { adminSharedMessages } from '../messages/admin-shared';
import { subjectsMessages } from '../messages/subjects';

export interface SubjectDraft {
  name: string;
  credits: string;
  type: SubjectType;
  targetYear: string;
  description: string;
}
export type SubjectErrors = Partial<Record<keyof SubjectDraft | 'departmentId' | 'code', string>>;

export const TYPE_KEY = {
  major_required: 'typeMajorRequired',
  major_elective: 'typeMajorElective',
  general: 'typeGeneral',
} as const satisfies Record<SubjectType, string>;

/** The checks the server makes too, said per field before anything is sent. */
export function checkSubjectDraft(
  draft: SubjectDraft,
  required: string,
  creditsInvalid: string,
): SubjectErrors {
  const credits = Number(draft.credits);
  return {
    name: draft.name.trim() === '' ? required : undefined,
    credits: Number.isInteger(credits) && credits >= 1 && credits <= 6 ? undefined : creditsInvalid,
  };
}

export function hasErrors(errors: SubjectErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The fields a subject keeps after creation (name, credits, type, target year, description). */
export function SubjectsFields({
  draft,
  errors,
  onChange,
}: {
  draft: SubjectDraft;
  errors: SubjectErrors;
  onChange: (draft: SubjectDraft) => void;
}) {
  const t = useMessages(subjectsMessages);
  const shared = useMessages(adminSharedMessages);
  return (
    <>
      <div className="form-row">
        <TextField
          label={t('name')}
          value={draft.name}
          required
          maxLength={100}
          error={errors.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
        <TextField
          label={t('credits')}
          type="number"
          min={1}
          max={6}
          step={1}
          required
          value={draft.credits}
          error={errors.credits}
          onChange={(e) => onChange({ ...draft, credits: e.target.value })}
        />
        <SelectField
          label={t('type')}
          value={draft.type}
          onChange={(e) => onChange({ ...draft, type: e.target.value as SubjectType })}
        >
          {SUBJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {shared(TYPE_KEY[type])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('targetYear')}
          value={draft.targetYear}
          onChange={(e) => onChange({ ...draft, targetYear: e.target.value })}
        >
          <option value="">{t('anyYear')}</option>
          {[1, 2, 3, 4].map((year) => (
            <option key={year} value={String(year)}>
              {shared('yearN', { year })}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label={t('description')}
        value={draft.description}
        maxLength={2000}
        rows={3}
        onChange={(e) => onChange({ ...draft, description: e.target.value })}
      />
    </>
  );
}
