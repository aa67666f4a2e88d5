import { useEffect, useState } from 'react';
import { useMessages } from '../../../lib/i18n/i18n';
import { msUntil, splitDuration } from '../lib/clock-sync';
import type { ClockSync } from '../lib/clock-sync';
import { registrationMessages } from '../messages';

const pad = (n: number) => String(n).padStart(2, '0');

/** Time left until the opening on the synced server clock; re-rendered on its own, not the page. */
export function Countdown({ sync, opensAtMs }: { sync: ClockSync; opensAtMs: number }) {
  const t = useMessages(registrationMessages);
  const [left, setLeft] = useState(() => msUntil(sync, performance.now(), opensAtMs));
  useEffect(() => {
    const update = () => setLeft(msUntil(sync, performance.now(), opensAtMs));
    update();
    const timer = setInterval(update, 200);
    return () => clearInterval(timer);
  }, [sync, opensAtMs]);
  const { days, hours, minutes, seconds } = splitDuration(left);
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return (
    <p className="countdown">
      <span className="countdown-label" id="countdown-label">
        {t('countdownLabel')}
      </span>{' '}
      {/* role=timer is not announced every second, which would drown a screen reader. */}
      <span className="countdown-value" role="timer" aria-labelledby="countdown-label">
        {days > 0 ? t('countdownDays', { days, clock }) : clock}
      </span>
    </p>
  );
}
