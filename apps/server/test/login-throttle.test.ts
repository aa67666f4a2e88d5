import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  DEFAULT_THROTTLE_POLICY,
  accountWaitMs,
  createMemoryThrottleStore,
  createRedisThrottleStore,
  throttleAddress,
} from '../src/platform/login-throttle.js';
import type { ThrottleStore } from '../src/platform/login-throttle.js';
import { createHashGate } from '../src/platform/passwords.js';
import { createTestApp } from './support/app.js';

const policy = DEFAULT_THROTTLE_POLICY;
const T0 = Date.UTC(2026, 1, 16, 1, 0, 0);

/** Names no other test uses, because the Redis server is shared by the whole run. */
function fresh(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

function freshAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

const redisUrl = inject('redisUrl');
const stores: { label: string; make: () => ThrottleStore }[] = [
  { label: 'memory', make: () => createMemoryThrottleStore() },
];
if (redisUrl) stores.push({ label: 'Redis', make: () => createRedisThrottleStore(redisUrl, () => {}) });

describe.each(stores)('login throttle store in $label', ({ make }) => {
  const store = make();
  afterAll(async () => store.close());

  it('when one address fails on 20 different accounts, the 21st attempt waits until the window ends, and other addresses do not', async () => {
    const address = freshAddress();
    for (let i = 0; i < policy.addressFailures; i++) {
      expect(await store.begin({ address, account: fresh('spray') }, T0, policy)).toBe(0);
    }
    expect(await store.begin({ address, account: fresh('spray') }, T0 + 1_000, policy)).toBe(
      policy.addressWindowMs - 1_000,
    );
    expect(await store.begin({ address: freshAddress(), account: fresh('spray') }, T0, policy)).toBe(0);
    expect(await store.begin({ address, account: fresh('spray') }, T0 + policy.addressWindowMs, policy)).toBe(
      0,
    );
  });

  it('when one account fails from many addresses, five are free, then each attempt waits twice as long, and a success resets it', async () => {
    const account = fresh('target');
    let now = T0;
    for (let i = 0; i < policy.freeFailures; i++) {
      expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(0);
    }
    expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(1_000);
    now += 1_000;
    expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(0);
    expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(2_000);
    now += 2_000;
    const keys = { address: freshAddress(), account };
    expect(await store.begin(keys, now, policy)).toBe(0);
    await store.succeed(keys);
    for (let i = 0; i < policy.freeFailures; i++) {
      expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(0);
    }
  });

  it('when an account reaches 100 consecutive failures, it takes no guess for a day after the last one, then starts over', async () => {
    const account = fresh('ceiling');
    let now = T0;
    for (let i = 0; i < policy.maxConsecutive; i++) {
      expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(0);
      now += policy.backoffCapMs;
    }
    const last = now - policy.backoffCapMs;
    expect(await store.begin({ address: freshAddress(), account }, now, policy)).toBe(
      last + policy.accountMemoryMs - now,
    );
    expect(
      await store.begin({ address: freshAddress(), account }, last + policy.accountMemoryMs, policy),
    ).toBe(0);
  });

  it('when ten attempts on one account start at once, only the five free ones are let through', async () => {
    const account = fresh('parallel');
    const waits = await Promise.all(
      Array.from({ length: 10 }, () => store.begin({ address: freshAddress(), account }, T0, policy)),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(policy.freeFailures);
  });

  it('when an attempt is cancelled (the server was busy), neither counter keeps it', async () => {
    const account = fresh('cancel');
    const address = freshAddress();
    for (let i = 0; i < 10; i++) {
      expect(await store.begin({ address, account }, T0, policy)).toBe(0);
      await store.cancel({ address, account });
    }
  });

  it('when a name cannot exist (account null), only the address is counted', async () => {
    const address = freshAddress();
    for (let i = 0; i < policy.addressFailures; i++) {
      expect(await store.begin({ address, account: null }, T0, policy)).toBe(0);
    }
    expect(await store.begin({ address, account: null }, T0, policy)).toBeGreaterThan(0);
  });
});

describe('throttled address', () => {
  it('counts IPv6 by its /64, IPv4-mapped addresses as IPv4, and IPv4 as is', () => {
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(throttleAddress('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(throttleAddress('2001:db8::')).toBe('2001:0db8:0000:0000::/64');
    expect(throttleAddress('::1')).toBe('0000:0000:0000:0000::/64');
    expect(throttleAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(throttleAddress('198.51.100.7')).toBe('198.51.100.7');
  });

  it('when one IPv6 /64 rotates its address for every guess, it is still stopped after 20 failures', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          remoteAddress: `2001:db8:77:1:${(i + 1).toString(16)}::1`,
          payload: { username: `rotating-${i}`, password: 'guess' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('account backoff', () => {
  it('doubles from one second after the free failures and never waits more than 15 minutes below the ceiling', () => {
    expect(accountWaitMs(4, T0, T0, policy)).toBe(0);
    expect(accountWaitMs(5, T0, T0, policy)).toBe(1_000);
    expect(accountWaitMs(8, T0, T0, policy)).toBe(8_000);
    expect(accountWaitMs(99, T0, T0, policy)).toBe(15 * 60_000);
    expect(accountWaitMs(100, T0, T0, policy)).toBe(24 * 3_600_000);
  });
});

describe('hash gate', () => {
  it('when the running slots and the queue are full, the next hash is refused with OVERLOADED, and a freed slot goes to the queue first', async () => {
    const gate = createHashGate({ concurrency: 1, queue: 1 });
    let release: () => void = () => {};
    const first = gate.run(() => new Promise<string>((r) => (release = () => r('first'))));
    const order: string[] = [];
    const second = gate.run(async () => {
      order.push('second');
      return 'second';
    });
    expect(gate.busy).toEqual({ running: 1, waiting: 1 });
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({
      code: 'OVERLOADED',
      retryAfterSeconds: 1,
    });
    expect(order).toEqual([]);
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(gate.busy).toEqual({ running: 0, waiting: 0 });
  });
});

describe.runIf(redisUrl)('login throttle shared through Redis', () => {
  it('when two app instances share one Redis, failures on one count on the other, and a restarted instance still sees them', async () => {
    const username = fresh('shared').toLowerCase();
    const a = await createTestApp('sqlite', { rateLimit: true, redisUrl: redisUrl ?? undefined });
    const b = await createTestApp('sqlite', { rateLimit: true, redisUrl: redisUrl ?? undefined });
    const attempt = (app: typeof a, i: number) =>
      app.app.inject({
        method: 'POST',
        url: '/student/api/auth/login',
        remoteAddress: `192.0.2.${i + 1}`,
        payload: { username, password: `guess-${i}` },
      });
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(a, i)).statusCode).toBe(401);
      for (let i = 3; i < 5; i++) expect((await attempt(b, i)).statusCode).toBe(401);
      const limited = await attempt(a, 5);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(limited.headers['retry-after']).toBe('1');
    } finally {
      await a.close();
    }
    const restarted = await createTestApp('sqlite', { rateLimit: true, redisUrl: redisUrl ?? undefined });
    try {
      expect((await attempt(restarted, 6)).statusCode).toBe(429);
      expect((await attempt(b, 7)).statusCode).toBe(429);
    } finally {
      await restarted.close();
      await b.close();
    }
  });

  it('when Redis cannot be reached, logins are still throttled in the process', async () => {
    const t = await createTestApp('sqlite', { rateLimit: true, redisUrl: 'redis://127.0.0.1:1' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await t.call('POST', '/student/api/auth/login', {
          body: { username: 'nobody-here', password: `guess-${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
