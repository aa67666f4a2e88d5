import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AnnouncerProvider } from '../components/ui/announcer';
import { ApiError } from '../lib/api/api-error';
import { I18nProvider } from '../lib/i18n/i18n';
import type { Locale } from '../lib/i18n/i18n';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A rule the server refused (4xx) will refuse again; only a network hiccup or 5xx is retried.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status > 0 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({
  queryClient,
  locale,
  children,
}: {
  queryClient: QueryClient;
  locale?: Locale;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <AnnouncerProvider>{children}</AnnouncerProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
