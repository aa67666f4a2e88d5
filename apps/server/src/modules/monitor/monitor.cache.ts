/**
 * One value shared by every caller for ttlMs from when its computation started; callers that
 * arrive while it is being computed wait on that same computation, however long it takes. A
 * failed computation is not kept, so the next caller tries again.
 */
export function createSharedSnapshot<T>(
  compute: () => Promise<T>,
  now: () => number,
  ttlMs: number,
): () => Promise<T> {
  let current: { startedAt: number; value: Promise<T>; settled: boolean } | undefined;
  return () => {
    const t = now();
    if (current && (!current.settled || t - current.startedAt < ttlMs)) return current.value;
    const entry = { startedAt: t, value: compute(), settled: false };
    current = entry;
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (current === entry) current = undefined;
      },
    );
    return entry.value;
  };
}
