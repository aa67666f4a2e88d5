import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppProviders, createQueryClient } from '../app/providers';
import type { Locale } from '../lib/i18n/i18n';

/**
 * Renders UI with the app's providers (query client, language, live regions) in an in-memory
 * location starting at `path`; `location.history` records where the user was sent.
 */
export function renderWithApp(
  ui: ReactNode,
  { path = '/', locale = 'ko' }: { path?: string; locale?: Locale } = {},
) {
  const [pathname = '/', search = ''] = path.split('?');
  const location = memoryLocation({ path: pathname, searchPath: search, record: true });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 }, mutations: { retry: false } });
  const result = render(
    <AppProviders queryClient={queryClient} locale={locale}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        {ui}
      </Router>
    </AppProviders>,
  );
  return { ...result, location, queryClient };
}
