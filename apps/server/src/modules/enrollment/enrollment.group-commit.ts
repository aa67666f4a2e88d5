/** One item's answer from a batch: its own value or its own error. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for company; 0 sends every item alone. */
  windowMs: number;
  /** A batch this large goes at once. */
  max: number;
  /**
   * Batches in flight at most. While that many run, arrivals wait for one to finish and then go
   * together: at low load every item goes after the window, under load batches grow by themselves
   * (what a database's own group commit does). Infinity: no limit.
   */
  concurrency?: number;
}

interface Pending<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects items arriving within a short window and hands them to runBatch together; each caller
 * gets its own outcome. Items for which conflicts(a, b) holds never share a batch (the later one
 * runs alone), so a batch never has to order two changes of one student. Up to
 * `options.concurrency` batches may be in flight at once; each owns its items.
 */
export function createGroupCommit<I, R>(
  options: GroupCommitOptions,
  runBatch: (items: readonly I[]) => Promise<Outcome<R>[]>,
  runAlone: (item: I) => Promise<R>,
  conflicts: (a: I, b: I) => boolean,
) {
  const concurrency = Math.max(1, options.concurrency ?? Infinity);
  const pending: Pending<I, R>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight = 0;

  function finished(): void {
    inFlight--;
    // Those who waited for a free slot go now, together.
    if (pending.length > 0 && !timer) flush();
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Past the limit, finished() sends what waits; a batch never holds more than max.
    while (pending.length > 0 && inFlight < concurrency) start(pending.splice(0, options.max));
  }

  function start(batch: Pending<I, R>[]): void {
    inFlight++;
    if (batch.length === 1) {
      const only = batch[0]!;
      runAlone(only.item).then(only.resolve, only.reject).finally(finished);
      return;
    }
    runBatch(batch.map((p) => p.item))
      .then(
        (outcomes) =>
          batch.forEach((p, i) => {
            const outcome = outcomes[i];
            if (!outcome) p.reject(new Error('group commit: no outcome for an item'));
            else if (outcome.ok) p.resolve(outcome.value);
            else p.reject(outcome.error);
          }),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(finished);
  }

  return {
    submit(item: I): Promise<R> {
      if (options.windowMs <= 0 || options.max <= 1 || pending.some((p) => conflicts(p.item, item))) {
        return runAlone(item);
      }
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (inFlight >= concurrency) return; // finished() sends it
        if (pending.length >= options.max) flush();
        else timer ??= setTimeout(flush, options.windowMs);
      });
    },
  };
}
