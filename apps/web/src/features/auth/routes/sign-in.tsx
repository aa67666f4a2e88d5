import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Redirect, useSearch } from 'wouter';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Page } from '../../../components/ui/page';
import { useMessages } from '../../../lib/i18n/i18n';
import { homeOf, ME_QUERY_KEY, safeNext, useMe } from '../../../lib/session';
import type { Me } from '../../../lib/session';
import { useLogIn } from '../api/log-in';
import type { SignedInUser } from '../api/log-in';
import { authMessages } from '../messages';

/** Where a signed-in user goes: the forced password change first, else the page they came for. */
export function destinationAfterSignIn(user: Pick<Me, 'role' | 'mustChangePassword'>, next: string | null) {
  const target = safeNext(next, homeOf(user));
  return user.mustChangePassword ? `/student/password?next=${encodeURIComponent(target)}` : target;
}

export function Component() {
  const t = useMessages(authMessages);
  const next = new URLSearchParams(useSearch()).get('next');
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const logIn = useLogIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  if (me) return <Redirect to={destinationAfterSignIn(me, next)} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = { username: username.trim() === '', password: password === '' };
    setMissing(gaps);
    if (gaps.username || gaps.password) return;
    logIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (user: SignedInUser) => {
          // Setting the session redirects (above); the full profile is fetched behind it.
          queryClient.setQueryData<Me>(ME_QUERY_KEY, user);
          void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        },
      },
    );
  };

  return (
    <Page title={t('signInTitle')}>
      <p>{t('signInIntro')}</p>
      <form className="card sign-in-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={logIn.error} />
        <TextField
          label={t('username')}
          hint={t('usernameHint')}
          name="username"
          autoComplete="username"
          aria-required="true"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={missing.username ? t('required', { field: t('username') }) : undefined}
        />
        <TextField
          label={t('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          aria-required="true"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password ? t('required', { field: t('password') }) : undefined}
        />
        <div className="form-actions">
          <Button type="submit" busy={logIn.isPending}>
            {t('signInSubmit')}
          </Button>
        </div>
      </form>
      <p>
        <Link href="/student/lookup">{t('forgotStudentNo')}</Link>
      </p>
    </Page>
  );
}
