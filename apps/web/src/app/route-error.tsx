import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorAlert } from '../components/ui/error-alert';
import { Page } from '../components/ui/page';
import { commonMessages } from '../lib/i18n/common-messages';
import { useMessages } from '../lib/i18n/i18n';

function RouteErrorPage({ error }: { error: unknown }) {
  const t = useMessages(commonMessages);
  return (
    <Page title={t('errorTitle')}>
      <ErrorAlert error={error} />
      <p>
        <a href={globalThis.location?.pathname ?? '/'}>{t('retry')}</a>
      </p>
    </Page>
  );
}

/**
 * A page that failed to load or render (a chunk gone after a deploy, a bug) shows a sentence and a
 * reload link instead of a blank screen; the rest of the shell keeps working. Keyed by location
 * by its parent, so moving to another page clears it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('page failed', error, info.componentStack);
  }
  override render() {
    return this.state.error ? <RouteErrorPage error={this.state.error} /> : this.props.children;
  }
}
