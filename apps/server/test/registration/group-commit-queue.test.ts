import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/modules/enrollment/enrollment.group-commit.js';
import type { Outcome } from '../../src/modules/enrollment/enrollment.group-commit.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A group commit whose batches finish only when the test says so; it records what ran together. */
function controlled(options: { windowMs: number; max: number; concurrency?: number }) {
  const started: number[][] = [];
  const finish: (() => void)[] = [];
  const run = (items: readonly number[]) => {
    started.push([...items]);
    return new Promise<Outcome<number>[]>((resolve) => {
      finish.push(() => resolve(items.map((i) => ({ ok: true, value: i * 10 }))));
    });
  };
  const group = createGroupCommit<number, number>(
    options,
    run,
    async (item) => ((await run([item]))[0]!.ok ? item * 10 : Promise.reject(new Error('no'))),
    () => false,
  );
  return { group, started, finishNext: () => finish.shift()?.() };
}

describe('group commit queue', () => {
  it('with one transaction in flight at most, arrivals wait for it and then go together, never more than max in one', async () => {
    const { group, started, finishNext } = controlled({ windowMs: 1, max: 4, concurrency: 1 });
    const answers = [group.submit(1)];
    await tick(10);
    expect(started).toEqual([[1]]);
    for (let i = 2; i <= 7; i++) answers.push(group.submit(i));
    await tick(10);
    expect(started, 'nothing starts while the first is in flight').toEqual([[1]]);
    finishNext();
    await tick(10);
    expect(started).toEqual([[1], [2, 3, 4, 5]]);
    finishNext();
    await tick(10);
    expect(started).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
    finishNext();
    expect(await Promise.all(answers), 'each gets its own answer').toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('without a limit, a batch starts after each window whatever is in flight', async () => {
    const { group, started, finishNext } = controlled({ windowMs: 1, max: 4 });
    const answers = [group.submit(1)];
    await tick(10);
    answers.push(group.submit(2), group.submit(3));
    await tick(10);
    expect(started).toEqual([[1], [2, 3]]);
    finishNext();
    finishNext();
    expect(await Promise.all(answers)).toEqual([10, 20, 30]);
  });
});
