import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useAnnounce } from '../../../components/ui/announcer';
import { ApiError } from '../../../lib/api/api-error';
import { newIdempotencyKey } from '../../../lib/api/client';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-messages';
import { useMe } from '../../../lib/session';
import { useDropSection } from '../api/drop-section';
import { useJoinWaitlist } from '../api/join-waitlist';
import { useLeaveWaitlist } from '../api/leave-waitlist';
import { usePeriods } from '../api/list-periods';
import { useRegisterSection } from '../api/register-section';
import { enterQueue, pollQueue } from '../api/waiting-room';
import { serverNow } from '../lib/clock-sync';
import { initialRegistrationState, registrationReducer, relevantPeriod } from '../lib/registration-machine';
import type { PeriodWindow } from '../lib/registration-machine';
import { registrationMessages } from '../messages';
import { useServerClock } from './use-server-clock';

/** What a button acts on; the subject code lets SECTION_FULL look up the other sections. */
export interface SectionTarget {
  sectionId: number;
  subjectCode: string;
  subjectName: string;
  number: number;
}

type Action = 'register' | 'drop' | 'join' | 'leave';
type LogKey =
  | 'registered'
  | 'registerFailed'
  | 'dropped'
  | 'dropFailed'
  | 'joined'
  | 'joinFailed'
  | 'left'
  | 'leaveFailed'
  | 'queued'
  | 'admitted';

export interface LogEntry {
  id: number;
  ok: boolean;
  key: LogKey;
  target?: SectionTarget;
  credits?: number;
  position?: number;
  error?: unknown;
}

const FAILURE_KEY: Record<Action, LogKey> = {
  register: 'registerFailed',
  drop: 'dropFailed',
  join: 'joinFailed',
  leave: 'leaveFailed',
};
const QUEUE_RETRY_MS = 5_000;
const TICK_MS = 250;

export function busyKey(action: Action, sectionId: number): string {
  return `${action}:${sectionId}`;
}

/**
 * The page's flow: server clock, state machine, the four state changes (each with one
 * Idempotency-Key per user action and at most one request in flight), the results log, the
 * announcements, and the waiting-room polling when the server asks for admission.
 */
export function useRegistrationFlow() {
  const t = useMessages(registrationMessages);
  const { locale } = useLocale();
  const announce = useAnnounce();
  const me = useMe();
  const periods = usePeriods();
  const [state, dispatch] = useReducer(registrationReducer, initialRegistrationState);

  // Which period applies is decided on the server clock at each tick; kept as an id so the page
  // re-renders only when it changes.
  const [periodId, setPeriodId] = useState<number | undefined>();
  const period = useMemo(() => periods.data?.find((p) => p.id === periodId), [periods.data, periodId]);
  const periodWindow = useMemo<PeriodWindow | null>(() => (period ? windowOf(period) : null), [period]);
  const clock = useServerClock(periodWindow?.opensAtMs);
  const sync = clock.sync;

  useEffect(() => {
    if (!sync || !periods.data) return undefined;
    const tick = () => {
      const now = serverNow(sync, performance.now());
      const current = relevantPeriod(periods.data, me.data?.year, now);
      setPeriodId(current?.id);
      dispatch({ type: 'tick', serverNowMs: now, period: current ? windowOf(current) : null });
    };
    tick();
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [sync, periods.data, me.data?.year]);

  const [log, setLog] = useState<LogEntry[]>([]);
  const nextLogId = useRef(1);
  const describe = useCallback(
    (entry: Omit<LogEntry, 'id'>): string => {
      const section = entry.target
        ? t('sectionLabel', { name: entry.target.subjectName, number: entry.target.number })
        : '';
      return t(entry.key, {
        section,
        credits: entry.credits ?? 0,
        position: entry.position ?? 0,
        reason: entry.error === undefined ? '' : errorMessage(entry.error, locale),
      });
    },
    [t, locale],
  );
  const record = useCallback(
    (entry: Omit<LogEntry, 'id'>) => {
      setLog((l) => [{ ...entry, id: nextLogId.current++ }, ...l].slice(0, 50));
      announce(describe(entry), entry.ok ? 'polite' : 'assertive');
    },
    [announce, describe],
  );

  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(new Set<string>());
  const [full, setFull] = useState<SectionTarget | undefined>();

  const registerMutation = useRegisterSection();
  const dropMutation = useDropSection();
  const joinMutation = useJoinWaitlist();
  const leaveMutation = useLeaveWaitlist();
  const admissionToken = state.admissionToken;
  // The change the waiting room turned away, sent again by itself once the student is admitted.
  const resumeAfterAdmission = useRef<{ action: Action; target: SectionTarget } | undefined>(undefined);

  const run = useCallback(
    async (action: Action, target: SectionTarget) => {
      const key = busyKey(action, target.sectionId);
      // The button is disabled on the next render; this guard covers a second click before it.
      if (inFlight.current.has(key)) return;
      inFlight.current.add(key);
      setBusy(new Set(inFlight.current));
      const change = { sectionId: target.sectionId, idempotencyKey: newIdempotencyKey(), admissionToken };
      try {
        switch (action) {
          case 'register': {
            const result = await registerMutation.mutateAsync(change);
            setFull((f) => (f?.subjectCode === target.subjectCode ? undefined : f));
            record({ ok: true, key: 'registered', target, credits: result.totalCredits });
            break;
          }
          case 'drop':
            await dropMutation.mutateAsync(change);
            record({ ok: true, key: 'dropped', target });
            break;
          case 'join': {
            const place = await joinMutation.mutateAsync(change);
            record({ ok: true, key: 'joined', target, position: place.position });
            break;
          }
          case 'leave':
            await leaveMutation.mutateAsync(change);
            record({ ok: true, key: 'left', target });
            break;
        }
      } catch (error) {
        if (error instanceof ApiError && error.code === 'ADMISSION_REQUIRED') {
          resumeAfterAdmission.current = { action, target };
          dispatch({ type: 'admission-required' });
          // Not a failure: the same change is sent again by itself once the student is admitted.
          record({ ok: true, key: 'queued', target });
          return;
        }
        if (action === 'register' && error instanceof ApiError && error.code === 'SECTION_FULL') {
          setFull(target);
        }
        record({ ok: false, key: FAILURE_KEY[action], target, error });
      } finally {
        inFlight.current.delete(key);
        setBusy(new Set(inFlight.current));
      }
    },
    [admissionToken, registerMutation, dropMutation, joinMutation, leaveMutation, record],
  );

  useEffect(() => {
    const pending = resumeAfterAdmission.current;
    if (!admissionToken || !pending) return;
    resumeAfterAdmission.current = undefined;
    void run(pending.action, pending.target);
  }, [admissionToken, run]);

  const [queueError, setQueueError] = useState<unknown>();
  const queueTicket = state.phase.kind === 'queue' ? state.phase.status?.ticket : undefined;
  const queueDelay = state.phase.kind === 'queue' ? state.phase.status?.nextPollMs : undefined;
  const inQueue = state.phase.kind === 'queue';
  const [queueAttempt, setQueueAttempt] = useState(0);
  // The poll reads the newest clock and period without restarting its timer when they change.
  const latest = useRef({ sync, periodWindow, record });
  useEffect(() => {
    latest.current = { sync, periodWindow, record };
  }, [sync, periodWindow, record]);
  useEffect(() => {
    if (!inQueue) return undefined;
    let cancelled = false;
    const ask = async () => {
      try {
        const status = queueTicket ? await pollQueue(queueTicket) : await enterQueue();
        if (cancelled) return;
        const { sync: clockNow, periodWindow: window, record: log } = latest.current;
        setQueueError(undefined);
        const now = clockNow ? serverNow(clockNow, performance.now()) : undefined;
        dispatch({ type: 'queue-status', status, serverNowMs: now, period: window });
        if (status.admitted && status.admissionToken) log({ ok: true, key: 'admitted' });
        else setQueueAttempt((n) => n + 1);
      } catch (error) {
        if (cancelled) return;
        setQueueError(error);
        setQueueAttempt((n) => n + 1);
      }
    };
    // Enter at once; then poll when the server said to (nextPollMs), or a little later after a failure.
    const delay = queueTicket === undefined && queueAttempt === 0 ? 0 : (queueDelay ?? QUEUE_RETRY_MS);
    const timer = setTimeout(() => void ask(), delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [inQueue, queueTicket, queueAttempt, queueDelay]);

  return {
    state,
    period,
    periodWindow,
    clock,
    periodsQuery: periods,
    log,
    describe,
    busy,
    full,
    dismissFull: () => setFull(undefined),
    queueError,
    register: (target: SectionTarget) => run('register', target),
    drop: (target: SectionTarget) => run('drop', target),
    joinWaitlist: (target: SectionTarget) => run('join', target),
    leaveWaitlist: (target: SectionTarget) => run('leave', target),
  };
}

function windowOf(p: { opensAt: string; closesAt: string }): PeriodWindow {
  return { opensAtMs: Date.parse(p.opensAt), closesAtMs: Date.parse(p.closesAt) };
}
