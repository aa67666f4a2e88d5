import { describe, expect, it } from 'vitest';
import { createRateController } from '../../src/modules/waiting-room/waiting-room.load.js';
import type { LoadRecorder } from '../../src/modules/waiting-room/waiting-room.load.js';

/** A recorder whose p99 the test sets: the controller reads nothing else. */
function fakeRecorder() {
  let p99: number | undefined;
  const recorder: LoadRecorder = {
    started() {},
    finished() {},
    inFlight: 0,
    p99: () => p99,
  };
  return { recorder, set: (value: number | undefined) => (p99 = value) };
}

describe('waiting-room admission rate', () => {
  it('doubles every second from 50/s while registrations are well within budget (slow start), so the opening crowd is let in within seconds', () => {
    const { recorder, set } = fakeRecorder();
    const controller = createRateController(recorder, { fixed: undefined, budgetMs: 500 });
    set(40);
    const rates = [0, 1, 2, 3, 4].map((s) => controller.rate(s * 1_000));
    expect(rates).toEqual([50, 100, 200, 400, 800]);
  });

  it('halves when the p99 passes the budget, then only adds a tenth plus one per second, and holds between half the budget and the budget', () => {
    const { recorder, set } = fakeRecorder();
    const controller = createRateController(recorder, { fixed: undefined, budgetMs: 500 });
    set(40);
    for (const at of [0, 1_000, 2_000]) controller.rate(at);
    expect(controller.rate(3_000)).toBe(400);
    set(900);
    expect(controller.rate(4_000)).toBe(200);
    set(100);
    expect(controller.rate(5_000)).toBeCloseTo(221, 9);
    set(300);
    expect(controller.rate(6_000), 'between half the budget and the budget: held').toBeCloseTo(221, 9);
    set(undefined);
    expect(controller.rate(7_000), 'no registrations to measure: probe').toBeCloseTo(244.1, 5);
  });

  it('stays within its bounds and takes at most two steps after a long quiet spell, not one per second missed', () => {
    const { recorder, set } = fakeRecorder();
    const controller = createRateController(recorder, {
      fixed: undefined,
      budgetMs: 500,
      initial: 10,
      min: 5,
      max: 100,
    });
    set(40);
    controller.rate(0);
    expect(controller.rate(60_000)).toBe(40);
    for (let s = 61; s < 70; s++) controller.rate(s * 1_000);
    expect(controller.rate(70_000)).toBe(100);
    set(10_000);
    for (let s = 71; s < 80; s++) controller.rate(s * 1_000);
    expect(controller.rate(80_000)).toBe(5);
  });

  it('with a fixed rate, the rate never moves', () => {
    const { recorder, set } = fakeRecorder();
    const controller = createRateController(recorder, { fixed: 7, budgetMs: 500 });
    set(10_000);
    expect([0, 1_000, 5_000].map((t) => controller.rate(t))).toEqual([7, 7, 7]);
  });
});
