import { Redis } from 'ioredis';

/**
 * SECTION_FULL answers per section, for the live monitor. A rejection changes no state, so it must
 * not cost a database write at the opening second: each process counts in memory, and with Redis it
 * also adds its counts to one shared hash, so the student service (where the monitor runs) sees what
 * every registration process refused. Counts are advisory: a Redis outage loses some of the shared
 * ones, never a registration.
 */
export interface RejectionCounter {
  /** Synchronous and never throws: the registration path never waits on it. */
  record(sectionId: number): void;
  /** Per-section counts: shared by every process when Redis answers, else this process's own. */
  read(): Promise<{ counts: Map<number, number>; source: 'shared' | 'process' }>;
  /** Sends this process's unsent counts to Redis now (the timer does it every flushMs). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const REJECTIONS_KEY = 'karina:monitor:rejections';

export interface RejectionCounterOptions {
  redisUrl?: string | undefined;
  /** Distinct sections remembered; beyond it the least-refused one is forgotten (10,000). */
  maxSections?: number;
  /** How often counts go to Redis in one pipeline, however many rejections there were (250 ms). */
  flushMs?: number;
  /** How long the shared hash outlives its last write, so a term's counts clear themselves (2 days). */
  ttlMs?: number;
  onError?: (error: unknown) => void;
}

/** Adds one to a bounded map; when full, the entry with the fewest counts makes room. */
function bump(map: Map<number, number>, key: number, by: number, max: number): void {
  const current = map.get(key);
  if (current !== undefined) {
    map.set(key, current + by);
    return;
  }
  if (map.size >= max) {
    let smallest: number | undefined;
    let smallestCount = Infinity;
    for (const [k, v] of map) {
      if (v < smallestCount) {
        smallest = k;
        smallestCount = v;
      }
    }
    if (smallest !== undefined) map.delete(smallest);
  }
  map.set(key, by);
}

export function createRejectionCounter(options: RejectionCounterOptions = {}): RejectionCounter {
  const max = options.maxSections ?? 10_000;
  const onError = options.onError ?? (() => {});
  const local = new Map<number, number>();
  const unsent = new Map<number, number>();
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        // Refuse at once instead of queueing while disconnected: memory stays bounded and nothing waits.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 1_000,
        connectTimeout: 2_000,
        retryStrategy: (times) => Math.min(times * 200, 2_000),
      })
    : undefined;
  redis?.on('error', onError);
  const ttlMs = options.ttlMs ?? 2 * 24 * 3_600_000;

  async function flush(): Promise<void> {
    if (!redis || unsent.size === 0) return;
    const batch = [...unsent];
    unsent.clear();
    const pipeline = redis.pipeline();
    for (const [sectionId, n] of batch) pipeline.hincrby(REJECTIONS_KEY, String(sectionId), n);
    pipeline.pexpire(REJECTIONS_KEY, ttlMs);
    try {
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error)?.[0];
      if (failed) throw failed;
    } catch (error) {
      // Kept for the next flush, within the same bound as everything else here.
      for (const [sectionId, n] of batch) bump(unsent, sectionId, n, max);
      onError(error);
    }
  }

  const timer = redis
    ? setInterval(() => {
        void flush();
      }, options.flushMs ?? 250)
    : undefined;
  timer?.unref();

  return {
    record(sectionId) {
      bump(local, sectionId, 1, max);
      if (redis) bump(unsent, sectionId, 1, max);
    },
    async read() {
      if (redis) {
        try {
          const hash = await redis.hgetall(REJECTIONS_KEY);
          const counts = new Map<number, number>();
          for (const [field, value] of Object.entries(hash)) counts.set(Number(field), Number(value));
          // What this process counted but has not sent yet belongs in the picture too.
          for (const [sectionId, n] of unsent) counts.set(sectionId, (counts.get(sectionId) ?? 0) + n);
          return { counts, source: 'shared' };
        } catch (error) {
          onError(error);
        }
      }
      return { counts: new Map(local), source: 'process' };
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      if (!redis) return;
      await flush();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
