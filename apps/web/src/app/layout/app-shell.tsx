import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Button } from '../../components/ui/button';
import { ErrorAlert } from '../../components/ui/error-alert';
import { commonMessages } from '../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../lib/i18n/i18n';
import { ME_QUERY_KEY, signOut, useMe } from '../../lib/session';
import { RouteErrorBoundary } from '../route-error';
import { ADMIN_NAV, PUBLIC_NAV, STUDENT_NAV } from './nav-items';
import type { NavItem } from './nav-items';

function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useMessages(commonMessages);
  const next = locale === 'ko' ? 'en' : 'ko';
  return (
    <Button
      variant="secondary"
      className="lang-switch"
      lang={next}
      aria-label={`${t('language')}: ${next === 'en' ? t('switchToEnglish') : t('switchToKorean')}`}
      onClick={() => setLocale(next)}
    >
      {next === 'en' ? t('switchToEnglish') : t('switchToKorean')}
    </Button>
  );
}

function SignOutButton() {
  const t = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        variant="secondary"
        busy={busy}
        onClick={() => {
          setBusy(true);
          signOut()
            .then(() => {
              queryClient.clear();
              queryClient.setQueryData(ME_QUERY_KEY, null);
              navigate('/');
            })
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('signOut')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

function NavEntry({ item, location }: { item: NavItem; location: string }) {
  const t = useMessages(commonMessages);
  const active = item.end ? location === item.to : location === item.to || location.startsWith(`${item.to}/`);
  return (
    <li>
      <Link
        href={item.to}
        className={active ? 'active' : undefined}
        aria-current={active ? 'page' : undefined}
      >
        {t(item.label)}
      </Link>
    </li>
  );
}

/** Header (brand, menu for the role, language, sign out), the page, and a footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const t = useMessages(commonMessages);
  const { data: me } = useMe();
  const items = me?.role === 'admin' ? ADMIN_NAV : me?.role === 'student' ? STUDENT_NAV : PUBLIC_NAV;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Link href={me ? (me.role === 'admin' ? '/admin' : '/sugang') : '/'} className="brand">
          {t('brand')}
        </Link>
        <div className="header-tools">
          {me ? <span className="whoami">{t('signedInAs', { name: me.name })}</span> : null}
          <LanguageSwitch />
          {me ? <SignOutButton /> : <Link href="/">{t('signIn')}</Link>}
        </div>
      </header>
      <nav className="app-nav" aria-label={me?.role === 'admin' ? t('adminNav') : t('mainNav')}>
        <ul>
          {items.map((item) => (
            <NavEntry key={item.to} item={item} location={location} />
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <RouteErrorBoundary key={location}>{children}</RouteErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('footer')}</p>
      </footer>
    </div>
  );
}
