import { describe, expect, it } from 'vitest';
import { createRejectionCounter } from './rejections.js';

describe('rejection counter in process memory', () => {
  it('when sections are refused, each is counted on its own', async () => {
    const counter = createRejectionCounter();
    for (const id of [7, 7, 7, 9]) counter.record(id);
    expect(await counter.read()).toEqual({
      counts: new Map([
        [7, 3],
        [9, 1],
      ]),
      source: 'process',
    });
    await counter.close();
  });

  it('when more sections are refused than it may remember, the least-refused one makes room', async () => {
    const counter = createRejectionCounter({ maxSections: 3 });
    for (const id of [1, 1, 1, 2, 3, 3]) counter.record(id);
    counter.record(4);
    const { counts } = await counter.read();
    expect(counts.size).toBe(3);
    expect([...counts.keys()].sort()).toEqual([1, 3, 4]);
    counter.record(5);
    expect([...(await counter.read()).counts.keys()].sort()).toEqual([1, 3, 5]);
    await counter.close();
  });

  it('when Redis is unreachable, recording neither throws nor waits, and reading falls back to this process', async () => {
    const errors: unknown[] = [];
    const counter = createRejectionCounter({
      redisUrl: 'redis://127.0.0.1:1',
      onError: (e) => errors.push(e),
    });
    expect(counter.record(11)).toBeUndefined();
    counter.record(11);
    await counter.flush();
    expect(await counter.read()).toEqual({ counts: new Map([[11, 2]]), source: 'process' });
    expect(errors.length).toBeGreaterThan(0);
    await counter.close();
  });
});
