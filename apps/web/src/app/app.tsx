import { navigate } from 'wouter/use-browser-location';
import { setUnauthenticatedHandler } from '../lib/api/client';
import { ME_QUERY_KEY } from '../lib/session';
import { AppShell } from './layout/app-shell';
import { AppProviders, createQueryClient } from './providers';
import { AppRoutes } from './router';

const queryClient = createQueryClient();

// A 401 anywhere (the session expired or was ended elsewhere): back to sign-in, then back here.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(ME_QUERY_KEY, null);
  const { pathname, search } = globalThis.location;
  if (pathname === '/') return;
  navigate(`/?next=${encodeURIComponent(`${pathname}${search}`)}`, { replace: true });
});

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <AppShell>
        <AppRoutes />
      </AppShell>
    </AppProviders>
  );
}
