import { useMessages } from '../../../lib/i18n/i18n';
import type { LogEntry } from '../hooks/use-registration-flow';
import { registrationMessages } from '../messages';

/** Every answer of this visit, newest first (the live region already read each one out). */
export function ResultsLog({
  entries,
  describe,
}: {
  entries: readonly LogEntry[];
  describe: (entry: Omit<LogEntry, 'id'>) => string;
}) {
  const t = useMessages(registrationMessages);
  return (
    <section className="card results-log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('logHeading')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('logEmpty')}</p>
      ) : (
        <ol aria-labelledby="log-heading">
          {entries.map((e) => (
            <li key={e.id} className={e.ok ? 'log-ok' : 'log-failed'}>
              <span aria-hidden="true">{e.ok ? '✓ ' : '✗ '}</span>
              {describe(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
