import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import type { Period } from '../api/list-periods';
import { splitDuration } from '../lib/clock-sync';
import type { ClockSync } from '../lib/clock-sync';
import type { RegistrationState } from '../lib/registration-machine';
import { registrationMessages } from '../messages';
import { Countdown } from './countdown';

/** "+1.2초" for the usual small skew; a clock hours or days off reads in those units. */
function useOffsetText(): (ms: number) => string {
  const t = useMessages(registrationMessages);
  return (ms) => {
    const sign = ms < 0 ? '−' : '+';
    const abs = Math.abs(ms);
    if (abs < 60_000) return t('offsetSeconds', { sign, seconds: (abs / 1000).toFixed(1) });
    const { days, hours, minutes, seconds } = splitDuration(abs);
    return t('offsetLong', { sign, days, hours, minutes, seconds });
  };
}

/** How far the student has come since their first answer (keyed by ticket): from that place to the front. */
function QueueProgress({ position }: { position: number }) {
  const t = useMessages(registrationMessages);
  const [start] = useState(position);
  const first = Math.max(start, position, 1);
  const done = first - position + 1;
  return (
    <progress
      className="queue-progress"
      max={first}
      value={done}
      aria-label={t('queueProgress')}
      aria-valuetext={t('queueProgressText', { ahead: Math.max(0, position - 1) })}
    />
  );
}

export function OpeningStatus({
  state,
  period,
  sync,
  syncFailed,
  measuring,
  onResync,
  queueError,
}: {
  state: RegistrationState;
  period: Period | undefined;
  sync: ClockSync | undefined;
  syncFailed: boolean;
  measuring: boolean;
  onResync: () => void;
  queueError: unknown;
}) {
  const t = useMessages(registrationMessages);
  const { locale } = useLocale();
  const phase = state.phase;
  const offsetText = useOffsetText();
  const when = (iso: string | number) => formatDateTimeSeconds(iso, locale);
  return (
    <section className="card opening-status" aria-labelledby="status-heading">
      <h2 id="status-heading">{phase.kind === 'queue' ? t('queueHeading') : t('statusHeading')}</h2>
      {period ? (
        <p className="muted">
          {t('periodName', { name: period.name, opens: when(period.opensAt), closes: when(period.closesAt) })}
        </p>
      ) : null}
      {phase.kind === 'syncing' && !syncFailed ? <Loading label={t('syncing')} /> : null}
      {phase.kind === 'no-period' ? <p>{t('noPeriod')}</p> : null}
      {phase.kind === 'closed' ? <p>{t('closed')}</p> : null}
      {phase.kind === 'before-opening' && sync ? (
        <>
          <Countdown sync={sync} opensAtMs={phase.opensAtMs} />
          <p>{t('beforeOpening', { opens: when(phase.opensAtMs) })}</p>
        </>
      ) : null}
      {phase.kind === 'open' ? (
        <p className="open-now">
          {state.admissionToken
            ? t('openAdmitted')
            : t('open', { closes: phase.closesAtMs ? when(phase.closesAtMs) : '' })}
        </p>
      ) : null}
      {phase.kind === 'queue' ? (
        <>
          {phase.status ? (
            <>
              <p className="queue-position">
                {t('queueWaiting', { position: phase.status.position, eta: phase.status.etaSeconds })}
              </p>
              <QueueProgress key={phase.status.ticket} position={phase.status.position} />
            </>
          ) : (
            <Loading label={t('queueJoining')} />
          )}
          {queueError ? (
            <>
              <ErrorAlert error={queueError} />
              <p>{t('queueRetry')}</p>
            </>
          ) : null}
        </>
      ) : null}
      <p className="clock-sync muted">
        {sync
          ? t('syncInfo', {
              offset: offsetText(sync.deviceOffsetMs),
              rtt: Math.round(sync.roundTripMs),
            })
          : syncFailed
            ? t('syncFailed')
            : null}{' '}
        <Button variant="link" onClick={onResync} busy={measuring}>
          {t('resync')}
        </Button>
      </p>
    </section>
  );
}
