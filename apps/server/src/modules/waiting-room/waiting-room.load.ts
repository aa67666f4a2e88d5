/**
 * How loaded registration is, measured cheaply in this process: requests in flight on the
 * admission-flagged routes and their latencies over a short window (a ring buffer, sorted once per
 * question). Time comes from the injected clock so tests can drive it.
 */
export interface LoadRecorder {
  started(): void;
  finished(latencyMs: number, now: number): void;
  readonly inFlight: number;
  /** p99 of the window's latencies, or undefined with too few samples to say. */
  p99(now: number): number | undefined;
}

const WINDOW_MS = 5_000;
const CAPACITY = 2_048;
/** Fewer samples than this and a p99 is one unlucky request, not a trend. */
const MIN_SAMPLES = 20;

export function createLoadRecorder(): LoadRecorder {
  const latencies = new Float64Array(CAPACITY);
  const times = new Float64Array(CAPACITY);
  let next = 0;
  let count = 0;
  let inFlight = 0;
  return {
    started() {
      inFlight += 1;
    },
    finished(latencyMs, now) {
      inFlight = Math.max(0, inFlight - 1);
      latencies[next] = latencyMs;
      times[next] = now;
      next = (next + 1) % CAPACITY;
      count = Math.min(count + 1, CAPACITY);
    },
    get inFlight() {
      return inFlight;
    },
    p99(now) {
      const recent: number[] = [];
      for (let i = 0; i < count; i++) {
        if (now - (times[i] ?? 0) <= WINDOW_MS) recent.push(latencies[i] ?? 0);
      }
      if (recent.length < MIN_SAMPLES) return undefined;
      recent.sort((a, b) => a - b);
      return recent[Math.min(recent.length - 1, Math.ceil(recent.length * 0.99) - 1)];
    },
  };
}

export interface RateControllerOptions {
  /** A fixed rate (admissions/s), or undefined to adapt. */
  fixed: number | undefined;
  budgetMs: number;
  initial?: number;
  min?: number;
  max?: number;
}

/**
 * TCP's shape, for the same reason: back off fast when the shared resource suffers, probe
 * otherwise. Once a second: over budget halves the rate; well under it (below half the budget, or
 * no registrations to measure) doubles it until the first time it was ever over budget (slow
 * start: at the opening the crowd is there at once, and 20 admissions/s growing by a tenth would
 * take half a minute to reach a few hundred), then adds a tenth plus one.
 */
export function createRateController(recorder: LoadRecorder, options: RateControllerOptions) {
  const min = options.min ?? 1;
  const max = options.max ?? 2_000;
  let rate = options.initial ?? 50;
  let slowStart = true;
  let lastAdjust: number | undefined;
  return {
    rate(now: number): number {
      if (options.fixed !== undefined) return options.fixed;
      if (lastAdjust === undefined) lastAdjust = now;
      while (now - lastAdjust >= 1_000) {
        lastAdjust += 1_000;
        const p99 = recorder.p99(now);
        if (p99 !== undefined && p99 > options.budgetMs) {
          rate = Math.max(min, rate / 2);
          slowStart = false;
        } else if (p99 === undefined || p99 < options.budgetMs / 2) {
          rate = Math.min(max, slowStart ? rate * 2 : rate * 1.1 + 1);
        }
        // Only the current state matters: after a long quiet spell, one step, not thousands.
        if (now - lastAdjust >= 1_000) lastAdjust = now - 1_000;
      }
      return rate;
    },
  };
}

/** Admissions per second actually granted over the last WINDOW, from (time, total drained) samples. */
export function createDrainMeter() {
  const samples = new Map<number, { at: number; drained: number }[]>();
  return {
    record(periodId: number, at: number, drained: number): void {
      let list = samples.get(periodId);
      if (!list) {
        list = [];
        samples.set(periodId, list);
      }
      const last = list.at(-1);
      if (last && at - last.at < 250) return;
      list.push({ at, drained });
      while (list.length > 2 && at - (list[1]?.at ?? at) >= 10_000) list.shift();
    },
    /** undefined until there are two seconds of history to measure. */
    rate(periodId: number, now: number): number | undefined {
      const list = samples.get(periodId);
      const first = list?.[0];
      const last = list?.at(-1);
      if (!first || !last || now - first.at < 2_000 || last.at === first.at) return undefined;
      return ((last.drained - first.drained) * 1000) / (last.at - first.at);
    },
  };
}
