import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchServerEpochMs } from '../api/get-server-time';
import { measureClock, nextResyncDelay } from '../lib/clock-sync';
import type { ClockSync } from '../lib/clock-sync';

const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * The server clock as measured from this page: samples on load, again every few minutes and
 * shortly before `opensAtMs`. Until a measurement succeeds there is no sync (nothing is guessed).
 */
export function useServerClock(opensAtMs: number | undefined) {
  const [sync, setSync] = useState<ClockSync | undefined>();
  const [failed, setFailed] = useState(false);
  const [measuring, setMeasuring] = useState(true);
  const [attempt, setAttempt] = useState(0);

  const running = useRef(false);
  const measure = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    const result = await measureClock({
      fetchServerEpochMs,
      perfNow: () => performance.now(),
      deviceNow: () => Date.now(),
    });
    running.current = false;
    setMeasuring(false);
    setAttempt((n) => n + 1);
    if (result) {
      setSync(result);
      setFailed(false);
    } else {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    // The first measurement starts at once; each one that ends schedules the next.
    const delay =
      attempt === 0 ? 0 : sync ? nextResyncDelay(sync, performance.now(), opensAtMs) : RETRY_AFTER_FAILURE_MS;
    const timer = setTimeout(() => {
      setMeasuring(true);
      void measure();
    }, delay);
    return () => clearTimeout(timer);
  }, [attempt, sync, opensAtMs, measure]);

  const resync = useCallback(() => {
    setMeasuring(true);
    void measure();
  }, [measure]);

  return { sync, failed, measuring, resync };
}
