import { Alert } from '../../../components/ui/alert';
import { useMessages } from '../../../lib/i18n/i18n';
import { adminSharedMessages } from '../messages/admin-shared';

/** A generated password, shown once: the server keeps only its hash. */
export function AdminOneTimePassword({ who, password }: { who: string; password: string }) {
  const t = useMessages(adminSharedMessages);
  const [before, after] = t('oneTimePasswordBody', { who, password: '\u0000' }).split('\u0000');
  return (
    <Alert tone="success" title={t('oneTimePasswordTitle')}>
      <p>
        {before}
        <code className="admin-secret">{password}</code>
        {after}
      </p>
    </Alert>
  );
}
