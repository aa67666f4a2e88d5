import { describe, expect, it } from 'vitest';
import { initialRegistrationState, registrationReducer, relevantPeriod } from '../lib/registration-machine';
import type { QueueStatus, RegistrationState } from '../lib/registration-machine';

const period = { opensAtMs: 1_000_000, closesAtMs: 2_000_000 };
const waiting: QueueStatus = { ticket: 't1', position: 3, etaSeconds: 9, admitted: false, nextPollMs: 1000 };

function run(state: RegistrationState, ...events: Parameters<typeof registrationReducer>[1][]) {
  return events.reduce(registrationReducer, state);
}

describe('the registration page state machine', () => {
  it('counts down before the opening and opens when the server clock reaches it', () => {
    const before = run(initialRegistrationState, { type: 'tick', serverNowMs: 999_999, period });
    expect(before.phase).toEqual({ kind: 'before-opening', opensAtMs: 1_000_000 });
    const open = run(before, { type: 'tick', serverNowMs: 1_000_000, period });
    expect(open.phase).toEqual({ kind: 'open', closesAtMs: 2_000_000 });
    expect(run(open, { type: 'tick', serverNowMs: 2_000_000, period }).phase).toEqual({ kind: 'closed' });
    expect(run(open, { type: 'tick', serverNowMs: 0, period: null }).phase).toEqual({ kind: 'no-period' });
  });

  it('ADMISSION_REQUIRED enters the queue, and the clock ticking on does not leave it', () => {
    const open = run(initialRegistrationState, { type: 'tick', serverNowMs: 1_500_000, period });
    const queued = run(
      open,
      { type: 'admission-required' },
      { type: 'tick', serverNowMs: 1_600_000, period },
    );
    expect(queued.phase).toEqual({ kind: 'queue' });
  });

  it('a waiting answer keeps the queue with its position; admission opens with the token kept', () => {
    const queued = run(
      initialRegistrationState,
      { type: 'admission-required' },
      { type: 'queue-status', status: waiting, serverNowMs: 1_500_000, period },
    );
    expect(queued.phase).toEqual({ kind: 'queue', status: waiting });
    const admitted = run(queued, {
      type: 'queue-status',
      status: { ...waiting, position: 0, admitted: true, admissionToken: 'tok' },
      serverNowMs: 1_500_000,
      period,
    });
    expect(admitted).toEqual({ phase: { kind: 'open', closesAtMs: 2_000_000 }, admissionToken: 'tok' });
  });

  it('admitted without a token is not admitted: the queue stays', () => {
    const queued = run(
      initialRegistrationState,
      { type: 'admission-required' },
      { type: 'queue-status', status: { ...waiting, admitted: true }, serverNowMs: 1_500_000, period },
    );
    expect(queued.phase.kind).toBe('queue');
    expect(queued.admissionToken).toBeUndefined();
  });

  it('a queue answer outside the queue is ignored, and a refused token sends us back to the queue', () => {
    const open = run(initialRegistrationState, { type: 'tick', serverNowMs: 1_500_000, period });
    expect(run(open, { type: 'queue-status', status: waiting, serverNowMs: 1_500_000, period })).toBe(open);
    const withToken: RegistrationState = { phase: { kind: 'open' }, admissionToken: 'old' };
    expect(run(withToken, { type: 'admission-required' })).toEqual({ phase: { kind: 'queue' } });
  });

  it('picks the student’s open registration or add/drop period, else the next one, never a cart period', () => {
    const p = (id: number, kind: string, opens: number, closes: number, years: number[] = [1, 2, 3, 4]) => ({
      id,
      kind,
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(closes).toISOString(),
      years,
    });
    const periods = [
      p(1, 'cart', 0, 5000),
      p(2, 'add_drop', 8000, 9000),
      p(3, 'registration', 3000, 4000, [2]),
      p(4, 'registration', 6000, 7000),
    ];
    expect(relevantPeriod(periods, 1, 1000)?.id).toBe(4);
    expect(relevantPeriod(periods, 2, 3500)?.id).toBe(3);
    expect(relevantPeriod(periods, 1, 7500)?.id).toBe(2);
    expect(relevantPeriod(periods, 1, 9500)).toBeUndefined();
  });
});
