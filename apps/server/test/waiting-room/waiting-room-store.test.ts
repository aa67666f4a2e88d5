import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createRedisQueueStore } from '../../src/modules/waiting-room/waiting-room.redis-store.js';
import type { JoinInput, QueueStore } from '../../src/modules/waiting-room/waiting-room.store.js';
import { queueStoreKinds } from './support.js';

const OPENS = 1_000_000;
const period = { opensAt: OPENS, closesAt: OPENS + 3_600_000, seed: 'a'.repeat(64) };

function joinInput(studentId: number, now: number, rate: number): JoinInput {
  return {
    periodId: 1,
    now,
    rate,
    opensAt: OPENS,
    drainRate: rate,
    studentId,
    ticket: `1.s${studentId}-${now}`,
    shuffleScore: null,
    admissionTtlMs: 60_000,
  };
}

describe.each(queueStoreKinds())('the waiting-room $label', (kind) => {
  const stores: QueueStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('once an admitted student’s window has passed, joining again takes a new place at the back, and those behind keep theirs', async () => {
    const store = kind.make();
    stores.push(store);
    await store.ensurePeriod(1, period, OPENS);
    const first = await store.join(joinInput(1, OPENS, 0));
    await store.join(joinInput(2, OPENS, 0));
    const admitted = await store.poll({ ...joinInput(1, OPENS + 1_000, 1), ticket: first.ticket });
    expect(admitted).toMatchObject({ admitted: true, admittedAt: OPENS + 1_000 });

    const within = await store.join(joinInput(1, OPENS + 30_000, 0));
    expect(within).toMatchObject({ ticket: first.ticket, admitted: true });
    const after = await store.join(joinInput(1, OPENS + 61_000, 0));
    expect(after.ticket).not.toBe(first.ticket);
    expect(after).toMatchObject({ admitted: false, position: 2 });
    const second = await store.join(joinInput(2, OPENS + 61_000, 0));
    expect(second).toMatchObject({ admitted: false, position: 1 });
  });
});

const redisUrl = inject('redisUrl');
describe.runIf(redisUrl)('the admission secret shared through Redis', () => {
  it('the first process to store its random secret wins, so every process verifies every other’s tokens', async () => {
    const prefix = `karina-test:${randomBytes(6).toString('hex')}:`;
    const a = createRedisQueueStore(redisUrl ?? '', { prefix });
    const b = createRedisQueueStore(redisUrl ?? '', { prefix });
    try {
      expect(await a.sharedSecret('secret-of-a')).toBe('secret-of-a');
      expect(await b.sharedSecret('secret-of-b')).toBe('secret-of-a');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
