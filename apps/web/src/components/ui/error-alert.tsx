import { useErrorMessage } from '../../lib/i18n/use-error-message';
import { Alert } from './alert';

/** A failed call as a sentence the user can act on (never the raw server text). */
export function ErrorAlert({ error }: { error: unknown }) {
  const describe = useErrorMessage();
  if (!error) return null;
  return <Alert tone="error">{describe(error)}</Alert>;
}
