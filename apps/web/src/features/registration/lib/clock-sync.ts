/**
 * Server-time synchronisation for the opening countdown. Everything runs on the monotonic
 * performance.now() timeline: the device's wall clock (Date.now) may be hours off or jump, and
 * it never decides when registration opens.
 */

/** One round trip to GET /sugang/api/time, on the monotonic timeline. */
export interface TimeSample {
  /** performance.now() just before the request was sent. */
  sentAt: number;
  /** performance.now() when the answer arrived. */
  receivedAt: number;
  /** The server's epoch milliseconds in the answer. */
  serverEpochMs: number;
  /** Date.now() when the answer arrived: only to tell the student how far their clock is off. */
  deviceEpochMs: number;
}

export interface ClockSync {
  /** Server epoch ms − the request's midpoint on performance.now(): server time = perf + anchor. */
  anchor: number;
  /** Round trip of the sample kept, in ms. */
  roundTripMs: number;
  /** Server clock − device clock, in ms (shown, never used to count down). */
  deviceOffsetMs: number;
}

export function roundTripOf(sample: TimeSample): number {
  return sample.receivedAt - sample.sentAt;
}

/**
 * The sample with the smallest round trip: its midpoint is the tightest bound on when the
 * server read its clock, so a sample slowed by a queue or a retransmission is discarded.
 */
export function bestSample(samples: readonly TimeSample[]): TimeSample | undefined {
  let best: TimeSample | undefined;
  for (const s of samples) {
    if (roundTripOf(s) < 0) continue;
    if (!best || roundTripOf(s) < roundTripOf(best)) best = s;
  }
  return best;
}

export function syncFrom(samples: readonly TimeSample[]): ClockSync | undefined {
  const best = bestSample(samples);
  if (!best) return undefined;
  const rtt = roundTripOf(best);
  const midpoint = best.sentAt + rtt / 2;
  return {
    anchor: best.serverEpochMs - midpoint,
    roundTripMs: rtt,
    // The device clock at the midpoint is its reading at arrival minus half the trip.
    deviceOffsetMs: best.serverEpochMs - (best.deviceEpochMs - rtt / 2),
  };
}

/** The server's epoch ms now, from a monotonic reading. */
export function serverNow(sync: ClockSync, perfNow: number): number {
  return perfNow + sync.anchor;
}

/** Whole milliseconds left until `targetEpochMs` by the server clock (0 once it has passed). */
export function msUntil(sync: ClockSync, perfNow: number, targetEpochMs: number): number {
  return Math.max(0, targetEpochMs - serverNow(sync, perfNow));
}

/** "01:02:03" (or "3일 01:02:03" style via days) for a countdown; rounds up so 0 means opened. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.ceil(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

export interface SyncDeps {
  /** One call to GET /sugang/api/time, answering the server's epochMs. */
  fetchServerEpochMs: () => Promise<number>;
  perfNow: () => number;
  deviceNow: () => number;
}

/** Takes `count` samples one after another and keeps the best; failed samples are skipped. */
export async function measureClock(deps: SyncDeps, count = 5): Promise<ClockSync | undefined> {
  const samples: TimeSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = deps.perfNow();
    let serverEpochMs: number;
    try {
      serverEpochMs = await deps.fetchServerEpochMs();
    } catch {
      continue;
    }
    const receivedAt = deps.perfNow();
    samples.push({ sentAt, receivedAt, serverEpochMs, deviceEpochMs: deps.deviceNow() });
  }
  return syncFrom(samples);
}

/**
 * When to measure again: every `everyMs`, and once more `leadMs` before the opening so the last
 * seconds run on a fresh measurement (drift of a sleeping laptop, a changed network path).
 */
export function nextResyncDelay(
  sync: ClockSync,
  perfNow: number,
  opensAtEpochMs: number | undefined,
  everyMs = 3 * 60_000,
  leadMs = 15_000,
): number {
  if (opensAtEpochMs === undefined) return everyMs;
  const untilLead = opensAtEpochMs - leadMs - serverNow(sync, perfNow);
  if (untilLead > 0 && untilLead < everyMs) return untilLead;
  return everyMs;
}
