import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createInvalidationBus } from './invalidation.js';

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('invalidation bus in one process', () => {
  it('when a change is published, listeners of that topic hear it before publish returns, others do not', async () => {
    const bus = createInvalidationBus();
    const heard: string[] = [];
    bus.subscribe('sections', (key) => heard.push(`sections:${key ?? '*'}`));
    bus.subscribe('periods', (key) => heard.push(`periods:${key ?? '*'}`));
    bus.publish('sections', 42);
    bus.publish('sections');
    expect(heard).toEqual(['sections:42', 'sections:*']);
    expect(bus.shared).toBe(false);
    await bus.close();
  });

  it('when a listener unsubscribes or throws, the others still hear every change', async () => {
    const errors: unknown[] = [];
    const bus = createInvalidationBus({ onError: (e) => errors.push(e) });
    const heard: (string | undefined)[] = [];
    const off = bus.subscribe('periods', () => heard.push('gone'));
    bus.subscribe('periods', () => {
      throw new Error('boom');
    });
    bus.subscribe('periods', (key) => heard.push(key));
    off();
    bus.publish('periods', '7');
    expect(heard).toEqual(['7']);
    expect(errors).toHaveLength(1);
    await bus.close();
  });

  it('when Redis is unreachable, publishing neither throws nor waits, and local listeners still hear it', async () => {
    const errors: unknown[] = [];
    const bus = createInvalidationBus({ redisUrl: 'redis://127.0.0.1:1', onError: (e) => errors.push(e) });
    const heard: (string | undefined)[] = [];
    bus.subscribe('sessions', (key) => heard.push(key));
    expect(bus.publish('sessions', 'abc')).toBeUndefined();
    expect(heard).toEqual(['abc']);
    await eventually(() => errors.length > 0);
    await bus.close();
  });
});

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl)('invalidation bus across processes through Redis', () => {
  it('when one process publishes, the other hears it once, and the publisher does not hear its own again', async () => {
    const channel = `test:invalidate:${randomUUID()}`;
    const a = createInvalidationBus({ redisUrl: redisUrl ?? '', channel });
    const b = createInvalidationBus({ redisUrl: redisUrl ?? '', channel });
    const heardA: (string | undefined)[] = [];
    const heardB: (string | undefined)[] = [];
    a.subscribe('sections', (key) => heardA.push(key));
    b.subscribe('sections', (key) => heardB.push(key));
    expect(a.shared).toBe(true);
    // The subscription is asynchronous; publish until the other side is listening.
    await eventually(() => {
      if (heardB.length === 0) a.publish('sections', 'probe');
      return heardB.length > 0;
    });
    heardA.length = 0;
    heardB.length = 0;
    a.publish('sections', 5);
    b.publish('sections');
    await eventually(() => heardB.length === 2 && heardA.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    // Each hears both changes exactly once; the order across two connections is not defined.
    expect([...heardA].sort()).toEqual(['5', undefined]);
    expect([...heardB].sort()).toEqual(['5', undefined]);
    await Promise.all([a.close(), b.close()]);
  });
});
