import { describe, expect, it } from 'vitest';
import {
  bestSample,
  measureClock,
  msUntil,
  nextResyncDelay,
  serverNow,
  splitDuration,
  syncFrom,
} from '../lib/clock-sync';
import type { TimeSample } from '../lib/clock-sync';

const OPENS = Date.UTC(2027, 1, 10, 1, 0, 0); // 10:00:00 in Seoul

/** A simulated world: a server clock, a device wall clock `skewMs` off, and a monotonic clock. */
function world({ skewMs, trips }: { skewMs: number; trips: { up: number; down: number }[] }) {
  let perf = 5_000; // performance.now() starts at page load, far from any epoch
  const serverAtPerf = (p: number) => OPENS - 60_000 + p;
  let i = 0;
  return {
    perfNow: () => perf,
    deviceNow: () => serverAtPerf(perf) + skewMs,
    serverAtPerf,
    fetchServerEpochMs: () => {
      const trip = trips[i++ % trips.length] ?? { up: 20, down: 20 };
      perf += trip.up;
      const answer = serverAtPerf(perf);
      perf += trip.down;
      return Promise.resolve(answer);
    },
    advance: (ms: number) => {
      perf += ms;
    },
  };
}

describe('clock sync for the opening countdown', () => {
  it('with the device clock hours off, the countdown still reaches zero exactly at the server’s opening', async () => {
    const w = world({ skewMs: -3 * 3_600_000, trips: [{ up: 20, down: 20 }] });
    const sync = await measureClock(w, 3);
    if (!sync) throw new Error('no sync');
    expect(msUntil(sync, w.perfNow(), OPENS)).toBe(OPENS - w.serverAtPerf(w.perfNow()));
    w.advance(msUntil(sync, w.perfNow(), OPENS) - 1);
    expect(msUntil(sync, w.perfNow(), OPENS)).toBe(1);
    w.advance(1);
    expect(msUntil(sync, w.perfNow(), OPENS)).toBe(0);
    // The skew is measured and shown, never used.
    expect(sync.deviceOffsetMs).toBe(3 * 3_600_000);
    expect(sync.roundTripMs).toBe(40);
  });

  it('a device clock that jumps after the sync changes nothing: only the monotonic clock counts', async () => {
    let skew = 0;
    const w = world({ skewMs: 0, trips: [{ up: 10, down: 10 }] });
    const sync = await measureClock({ ...w, deviceNow: () => w.serverAtPerf(w.perfNow()) + skew }, 2);
    if (!sync) throw new Error('no sync');
    const before = msUntil(sync, w.perfNow(), OPENS);
    skew = 86_400_000;
    expect(msUntil(sync, w.perfNow(), OPENS)).toBe(before);
  });

  it('a slow, lopsided sample is discarded: the fastest round trip decides the offset', async () => {
    // The slow trip spends 900 ms on the way back: its midpoint would put the server 440 ms late.
    const w = world({
      skewMs: 0,
      trips: [
        { up: 20, down: 900 },
        { up: 15, down: 15 },
        { up: 40, down: 300 },
      ],
    });
    const sync = await measureClock(w, 3);
    if (!sync) throw new Error('no sync');
    expect(sync.roundTripMs).toBe(30);
    expect(serverNow(sync, w.perfNow())).toBe(w.serverAtPerf(w.perfNow()));
  });

  it('bestSample keeps the smallest round trip and ignores impossible (negative) ones', () => {
    const s = (sentAt: number, receivedAt: number): TimeSample => ({
      sentAt,
      receivedAt,
      serverEpochMs: 0,
      deviceEpochMs: 0,
    });
    expect(bestSample([s(0, 100), s(200, 230), s(300, 250), s(400, 480)])).toEqual(s(200, 230));
    expect(syncFrom([])).toBeUndefined();
  });

  it('failed samples are skipped, and with none left there is no sync (nothing is guessed)', async () => {
    const failing = {
      perfNow: () => 0,
      deviceNow: () => 0,
      fetchServerEpochMs: () => Promise.reject(new Error('offline')),
    };
    expect(await measureClock(failing, 3)).toBeUndefined();
  });

  it('splitDuration rounds up, so the display only shows 00:00:00 once the opening has come', () => {
    expect(splitDuration(1)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 1 });
    expect(splitDuration(0)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(splitDuration(90_061_000)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
  });

  it('re-syncs every few minutes, and once more shortly before the opening', () => {
    const sync = { anchor: 0, roundTripMs: 10, deviceOffsetMs: 0 };
    expect(nextResyncDelay(sync, OPENS - 3_600_000, OPENS)).toBe(180_000);
    expect(nextResyncDelay(sync, OPENS - 60_000, OPENS)).toBe(45_000);
    expect(nextResyncDelay(sync, OPENS - 5_000, OPENS)).toBe(180_000);
    expect(nextResyncDelay(sync, 0, undefined)).toBe(180_000);
  });
});
