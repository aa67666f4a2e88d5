import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useAnnounce } from '../../../components/ui/announcer';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FieldShell, TextField } from '../../../components/ui/field';
import { Page } from '../../../components/ui/page';
import { useMessages } from '../../../lib/i18n/i18n';
import { fetchMe, homeOf, ME_QUERY_KEY, safeNext, useMe } from '../../../lib/session';
import { useChangePassword } from '../api/change-password';
import { PasswordPolicyHints } from '../components/password-policy-hints';
import { authMessages } from '../messages';

const POLICY_ID = 'password-policy';

export function Component() {
  const t = useMessages(authMessages);
  const next = new URLSearchParams(useSearch()).get('next');
  const [, navigate] = useLocation();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);

  const missingCurrent = tried && currentPassword === '';
  const missingNew = tried && newPassword === '';
  const mismatch = tried && confirm !== newPassword;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (currentPassword === '' || newPassword === '' || confirm !== newPassword) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          announce(t('passwordChanged'));
          // The flag that forced this page is cleared on the server; read it back before moving on,
          // or the guard of the next page would send the user straight back here.
          void queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 0 }).then(
            (fresh) => navigate(safeNext(next, fresh ? homeOf(fresh) : '/'), { replace: true }),
            () => navigate('/', { replace: true }),
          );
        },
      },
    );
  };

  return (
    <Page title={t('passwordTitle')}>
      {me?.mustChangePassword ? <Alert tone="warning">{t('passwordForced')}</Alert> : null}
      <form className="card" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={change.error} />
        <PasswordPolicyHints
          id={POLICY_ID}
          password={newPassword}
          username={me?.username}
          currentPassword={currentPassword}
        />
        <TextField
          label={t('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-required="true"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={missingCurrent ? t('required', { field: t('currentPassword') }) : undefined}
        />
        <FieldShell
          label={t('newPassword')}
          error={missingNew ? t('required', { field: t('newPassword') }) : undefined}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              aria-required="true"
              aria-describedby={[POLICY_ID, describedBy].filter(Boolean).join(' ')}
              aria-invalid={invalid || undefined}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          )}
        </FieldShell>
        <TextField
          label={t('confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          aria-required="true"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? t('confirmMismatch') : undefined}
        />
        <div className="form-actions">
          <Button type="submit" busy={change.isPending}>
            {t('passwordSubmit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
