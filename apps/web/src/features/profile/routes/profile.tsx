import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/ui/alert';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api/api-error';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useErrorMessage } from '../../../lib/i18n/use-error-message';
import { useProfile } from '../api/get-profile';
import type { Profile } from '../api/get-profile';
import { useUpdateProfile } from '../api/update-profile';
import { profileMessages } from '../messages';
import { formOf, invalidFieldOf, profileChanges } from '../profile-changes';
import type { ProfileForm } from '../profile-changes';
import './profile.css';

function useFieldErrors(error: unknown): Partial<Record<keyof ProfileForm, string>> {
  const t = useMessages(profileMessages);
  const describe = useErrorMessage();
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'INVALID_TEL') return { tel: describe(error) };
  if (error.code === 'INVALID_BIRTH_DATE') return { birthDate: describe(error) };
  if (error.code !== 'VALIDATION_FAILED') return {};
  const field = invalidFieldOf(error.message);
  switch (field) {
    case undefined:
      return {};
    case 'tel':
      return { tel: describe(new ApiError(400, 'INVALID_TEL', '')) };
    case 'birthDate':
      return { birthDate: describe(new ApiError(400, 'INVALID_BIRTH_DATE', '')) };
    case 'email':
      return { email: t('invalidEmail') };
    case 'postcode':
      return { postcode: t('invalidPostcode') };
    case 'line1':
    case 'line2':
      return { [field]: t('invalidField') };
  }
}

function ProfileEditor({ profile }: { profile: Profile }) {
  const t = useMessages(profileMessages);
  const announce = useAnnounce();
  const update = useUpdateProfile();
  const [form, setForm] = useState<ProfileForm>(() => formOf(profile));
  const [unchanged, setUnchanged] = useState(false);
  const errors = useFieldErrors(update.error);

  const field = (key: keyof ProfileForm) => ({
    name: key,
    value: form[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) => {
      setForm((f) => ({ ...f, [key]: e.target.value }));
      setUnchanged(false);
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = profileChanges(formOf(profile), form);
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      update.reset();
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        setForm(formOf(saved));
        announce(t('saved'));
      },
    });
  };

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact')}</h2>
      <p className="muted">{t('contactIntro')}</p>
      <ErrorAlert error={update.error} />
      {update.isSuccess ? <Alert tone="success">{t('saved')}</Alert> : null}
      {unchanged ? <Alert tone="info">{t('nothingChanged')}</Alert> : null}
      <div className="form-row">
        <TextField label={t('tel')} hint={t('telHint')} type="tel" autoComplete="tel" {...field('tel')} />
        <TextField label={t('email')} type="email" autoComplete="email" {...field('email')} />
        <TextField label={t('birthDate')} type="date" autoComplete="bday" {...field('birthDate')} />
      </div>
      <div className="form-row">
        <TextField
          label={t('postcode')}
          hint={t('postcodeHint')}
          inputMode="numeric"
          autoComplete="postal-code"
          {...field('postcode')}
        />
        <TextField label={t('line1')} autoComplete="address-line1" {...field('line1')} />
        <TextField label={t('line2')} autoComplete="address-line2" {...field('line2')} />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={update.isPending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}

export function Component() {
  const t = useMessages(profileMessages);
  const common = useMessages(commonMessages);
  const profile = useProfile();
  return (
    <Page
      title={t('title')}
      actions={<Link href="/student/password?next=%2Fstudent%2Fme">{t('changePassword')}</Link>}
    >
      {profile.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={profile.error} />
      {profile.data ? (
        <>
          <section className="card" aria-labelledby="basics-title">
            <h2 id="basics-title">{t('basics')}</h2>
            <dl className="profile-facts">
              <dt>{t('studentNo')}</dt>
              <dd>{profile.data.studentNo ?? profile.data.username}</dd>
              <dt>{t('name')}</dt>
              <dd>{profile.data.name}</dd>
              {profile.data.department ? (
                <>
                  <dt>{t('department')}</dt>
                  <dd>{profile.data.department.name}</dd>
                </>
              ) : null}
              {profile.data.year !== undefined ? (
                <>
                  <dt>{t('year')}</dt>
                  <dd>{t('yearValue', { year: profile.data.year })}</dd>
                </>
              ) : null}
              {profile.data.entryYear !== undefined ? (
                <>
                  <dt>{t('entryYear')}</dt>
                  <dd>{profile.data.entryYear}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {profile.data.role === 'student' ? (
            <ProfileEditor profile={profile.data} />
          ) : (
            <p>{t('notStudent')}</p>
          )}
        </>
      ) : null}
    </Page>
  );
}
