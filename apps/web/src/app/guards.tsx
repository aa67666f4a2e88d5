import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { ErrorAlert } from '../components/ui/error-alert';
import { Loading } from '../components/ui/loading';
import { Page } from '../components/ui/page';
import { commonMessages } from '../lib/i18n/common-messages';
import { useMessages } from '../lib/i18n/i18n';
import { useMe } from '../lib/session';

/**
 * Pages behind a sign-in. The server enforces every rule; this only sends a signed-out user to
 * sign-in and back, and a user who must change their password to that page first.
 */
export function RequireSession({
  role,
  allowPending = false,
  children,
}: {
  role?: 'student' | 'admin';
  allowPending?: boolean;
  children: ReactNode;
}) {
  const t = useMessages(commonMessages);
  const [pathname] = useLocation();
  const search = useSearch();
  const { data: me, isPending, error } = useMe();
  const here = `${pathname}${search ? `?${search}` : ''}`;
  if (isPending) return <Loading label={t('loading')} />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) return <Redirect to={`/?next=${encodeURIComponent(here)}`} replace />;
  if (me.mustChangePassword && !allowPending) {
    return <Redirect to={`/student/password?next=${encodeURIComponent(here)}`} replace />;
  }
  if (role && me.role !== role) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const t = useMessages(commonMessages);
  return (
    <Page title={t('forbiddenTitle')}>
      <p>{t('forbiddenBody')}</p>
    </Page>
  );
}

export function NotFound() {
  const t = useMessages(commonMessages);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
    </Page>
  );
}
