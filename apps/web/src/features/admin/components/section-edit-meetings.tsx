import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { dayName } from '../../../lib/format';
import type { Weekday } from '../../../lib/format';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { sectionsMessages } from '../messages/sections';
import { CLOCK_STEPS, DAYS, MAX_MEETINGS } from './section-edit-meetings-rules';
import type { MeetingProblem, MeetingRow } from './section-edit-meetings-rules';
import './section-edit.css';

/**
 * Rows of day + start + end, each a native select (keyboard and screen reader friendly); the
 * problems are computed by the form and shown beside the row they belong to.
 */
export function MeetingsEditor({
  rows,
  onChange,
  problems,
  showProblems,
}: {
  rows: readonly MeetingRow[];
  onChange: (rows: MeetingRow[]) => void;
  problems: ReadonlyMap<number, MeetingProblem>;
  showProblems: boolean;
}) {
  const t = useMessages(sectionsMessages);
  const { locale } = useLocale();
  const hintId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusDayOf = useRef<number | 'add' | undefined>(undefined);
  const dayRefs = useRef(new Map<number, HTMLSelectElement>());
  // Keyboard users keep their place: a new row takes focus, a removed one hands it to "add".
  useEffect(() => {
    const key = focusDayOf.current;
    if (key === undefined) return;
    focusDayOf.current = undefined;
    if (key === 'add') addRef.current?.focus();
    else dayRefs.current.get(key)?.focus();
  }, [rows]);
  const update = (key: number, patch: Partial<MeetingRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows.at(-1);
    const key = Math.max(0, ...rows.map((r) => r.key)) + 1;
    focusDayOf.current = key;
    onChange([...rows, { key, day: last?.day ?? 'MON', start: '09:00', end: '10:30' }]);
  };
  return (
    <fieldset className="meetings-editor" aria-describedby={hintId}>
      <legend>{t('meetings')}</legend>
      <p id={hintId} className="field-hint">
        {t('meetingsHint', { max: MAX_MEETINGS })}
      </p>
      <ol className="meetings-rows">
        {rows.map((row, index) => {
          const problem = showProblems ? problems.get(row.key) : undefined;
          const errorId = `${hintId}-${row.key}-error`;
          const describedBy = problem ? errorId : undefined;
          return (
            <li key={row.key} className={problem ? 'meeting-row meeting-row-invalid' : 'meeting-row'}>
              <fieldset>
                <legend>{t('meetingN', { n: index + 1 })}</legend>
                <div className="meeting-controls">
                  <label>
                    <span>{t('day')}</span>
                    <select
                      ref={(el) => {
                        if (el) dayRefs.current.set(row.key, el);
                        else dayRefs.current.delete(row.key);
                      }}
                      value={row.day}
                      aria-describedby={describedBy}
                      onChange={(e) => update(row.key, { day: e.target.value as Weekday })}
                    >
                      {DAYS.map((d) => (
                        <option key={d} value={d}>
                          {dayName(d, locale)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span>{t('start')}</span>
                    <select
                      value={row.start}
                      aria-describedby={describedBy}
                      aria-invalid={problem ? true : undefined}
                      onChange={(e) => update(row.key, { start: e.target.value })}
                    >
                      {CLOCK_STEPS.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span>{t('end')}</span>
                    <select
                      value={row.end}
                      aria-describedby={describedBy}
                      aria-invalid={problem ? true : undefined}
                      onChange={(e) => update(row.key, { end: e.target.value })}
                    >
                      {CLOCK_STEPS.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      focusDayOf.current = 'add';
                      onChange(rows.filter((r) => r.key !== row.key));
                    }}
                  >
                    {t('removeMeeting', { n: index + 1 })}
                  </Button>
                </div>
                {problem ? (
                  <p id={errorId} className="field-error">
                    {t(problem)}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="btn btn-secondary"
        onClick={add}
        disabled={rows.length >= MAX_MEETINGS}
      >
        {t('addMeeting')}
      </button>
    </fieldset>
  );
}
