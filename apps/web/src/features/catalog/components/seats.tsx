import { useMessages } from '../../../lib/i18n/i18n';
import { catalogMessages } from '../messages';

export function SeatsBadge({ available }: { available: number }) {
  const t = useMessages(catalogMessages);
  return available > 0 ? (
    <span className="badge badge-open">{t('open', { n: available })}</span>
  ) : (
    <span className="badge badge-full">{t('full')}</span>
  );
}
