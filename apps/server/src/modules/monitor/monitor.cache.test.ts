import { describe, expect, it } from 'vitest';
import { createSharedSnapshot } from './monitor.cache.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('shared snapshot', () => {
  it('when many callers arrive during one computation, they all wait on it and it runs once', async () => {
    let now = 0;
    const pending = deferred<string>();
    let runs = 0;
    const get = createSharedSnapshot(
      () => {
        runs++;
        return pending.promise;
      },
      () => now,
      2_000,
    );
    const callers = Array.from({ length: 25 }, () => get());
    now = 5_000; // still in flight past the TTL: no second computation starts beside it
    callers.push(get());
    pending.resolve('one');
    expect(await Promise.all(callers)).toEqual(Array(26).fill('one'));
    expect(runs).toBe(1);
  });

  it('when the value is younger than the TTL it is reused; from the TTL on, the next caller computes anew', async () => {
    let now = 10_000;
    let runs = 0;
    const get = createSharedSnapshot(
      async () => `run ${++runs}`,
      () => now,
      2_000,
    );
    expect(await get()).toBe('run 1');
    now += 1_999;
    expect(await get()).toBe('run 1');
    now += 1;
    expect(await get()).toBe('run 2');
    expect(await get()).toBe('run 2');
  });

  it('when a computation fails, its waiters see the error and the next caller tries again', async () => {
    const now = 0;
    let runs = 0;
    const get = createSharedSnapshot(
      async () => {
        runs++;
        if (runs === 1) throw new Error('database unreachable');
        return 'ok';
      },
      () => now,
      2_000,
    );
    await expect(Promise.all([get(), get()])).rejects.toThrow('database unreachable');
    expect(await get()).toBe('ok');
    expect(runs).toBe(2);
  });
});
