/**
 * The registration page as a state machine: before-opening → [queue] → open. The queue is
 * entered only when the server answers 403 ADMISSION_REQUIRED (the waiting room is on), and left
 * only when the server admits the student; the clock alone never skips it.
 */
import type { QueueStatus } from '../api/waiting-room';

export type { QueueStatus };

export interface PeriodWindow {
  opensAtMs: number;
  closesAtMs: number;
}

export type Phase =
  | { kind: 'syncing' }
  | { kind: 'no-period' }
  | { kind: 'before-opening'; opensAtMs: number }
  | { kind: 'queue'; status?: QueueStatus }
  | { kind: 'open'; closesAtMs?: number }
  | { kind: 'closed' };

export interface RegistrationState {
  phase: Phase;
  /** Sent as X-Admission-Token on every state change once the waiting room admitted us. */
  admissionToken?: string;
}

export type RegistrationEvent =
  /** The synced server clock moved on (or the period list changed). */
  | { type: 'tick'; serverNowMs: number; period: PeriodWindow | null }
  | { type: 'admission-required' }
  /** serverNowMs is undefined when the clock could not be synced: admission alone then opens. */
  | { type: 'queue-status'; status: QueueStatus; serverNowMs?: number; period: PeriodWindow | null };

export const initialRegistrationState: RegistrationState = { phase: { kind: 'syncing' } };

function phaseByClock(serverNowMs: number, period: PeriodWindow | null): Phase {
  if (!period) return { kind: 'no-period' };
  if (serverNowMs < period.opensAtMs) return { kind: 'before-opening', opensAtMs: period.opensAtMs };
  if (serverNowMs >= period.closesAtMs) return { kind: 'closed' };
  return { kind: 'open', closesAtMs: period.closesAtMs };
}

function samePhase(a: Phase, b: Phase): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function registrationReducer(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'tick': {
      // Waiting in the queue is the server's call, not the clock's.
      if (state.phase.kind === 'queue') return state;
      const phase = phaseByClock(event.serverNowMs, event.period);
      return samePhase(phase, state.phase) ? state : { ...state, phase };
    }
    case 'admission-required':
      // A token the server no longer accepts is dropped: we queue again for a fresh one.
      return { phase: { kind: 'queue', ...(state.phase.kind === 'queue' ? state.phase : {}) } };
    case 'queue-status': {
      if (state.phase.kind !== 'queue') return state;
      if (event.status.admitted && event.status.admissionToken) {
        // Admission means the server lets us in now, whatever our clock estimate says.
        const byClock =
          event.serverNowMs === undefined ? undefined : phaseByClock(event.serverNowMs, event.period);
        return {
          admissionToken: event.status.admissionToken,
          phase: byClock?.kind === 'open' || byClock?.kind === 'closed' ? byClock : { kind: 'open' },
        };
      }
      return { ...state, phase: { kind: 'queue', status: event.status } };
    }
  }
}

/**
 * The registration or add/drop period that matters to a student of `year`: the one open now by
 * the server clock, else the next to open.
 */
export function relevantPeriod<
  P extends { kind: string; opensAt: string; closesAt: string; years: readonly number[] },
>(periods: readonly P[], year: number | undefined, serverNowMs: number): P | undefined {
  const mine = periods
    .filter((p) => p.kind === 'registration' || p.kind === 'add_drop')
    .filter((p) => year === undefined || p.years.length === 0 || p.years.includes(year))
    .filter((p) => Date.parse(p.closesAt) > serverNowMs)
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  return mine.find((p) => Date.parse(p.opensAt) <= serverNowMs) ?? mine[0];
}
