import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * What a cache in one process must forget when something changes. Topics name a kind of data,
 * keys one item of it (a section id, a session's token hash); no key means "all of it".
 */
export type InvalidationTopic =
  /** Registration periods (open windows, years, credit limits). */
  | 'periods'
  /** One section (key: id) or all: meetings, capacity, subject, professor, seats freed. */
  | 'sections'
  /** Sessions: key a token hash, or `student:<id>` / `admin:<id>` for all of one user's. */
  | 'sessions'
  /** The waiting room's configuration or state for a period (key: period id). */
  | 'queue';

export type InvalidationListener = (key: string | undefined) => void;

/**
 * In-process caches of read-mostly data stay correct across processes through this bus: a change
 * is published after it commits; this process's listeners run at once (synchronously, before
 * publish returns), and with Redis every other process's listeners run when the message arrives.
 * Caches must treat the database as the truth and the bus as a hint to reread: a lost message
 * (Redis restarting) can only make a cache stale for as long as its own TTL.
 */
export interface InvalidationBus {
  publish(topic: InvalidationTopic, key?: string | number): void;
  /**
   * publish, resolving once Redis has handed the message to every subscribed process (or failed:
   * then onError, and the caches' TTLs bound the staleness). For answers that promise an effect
   * everywhere, such as a logout's 204.
   */
  publishAndWait(topic: InvalidationTopic, key?: string | number): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(topic: InvalidationTopic, listener: InvalidationListener): () => void;
  /** True when another process could be listening (Redis configured), so caches must keep TTLs short. */
  readonly shared: boolean;
  /**
   * Resolves when Redis (if configured) answers and this process is subscribed, so it hears other
   * processes' changes; rejects otherwise. For readiness.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const INVALIDATION_CHANNEL = 'karina:invalidate';

interface Message {
  from: string;
  topic: InvalidationTopic;
  key?: string;
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.from === 'string' &&
    typeof v.topic === 'string' &&
    (v.key === undefined || typeof v.key === 'string')
  );
}

export interface InvalidationBusOptions {
  redisUrl?: string | undefined;
  /** The pub/sub channel (INVALIDATION_CHANNEL); tests sharing one redis-server pick their own. */
  channel?: string;
  onError?: (error: unknown) => void;
}

export function createInvalidationBus(options: InvalidationBusOptions = {}): InvalidationBus {
  const onError = options.onError ?? (() => {});
  const listeners = new Map<InvalidationTopic, Set<InvalidationListener>>();
  const self = randomUUID();
  const channel = options.channel ?? INVALIDATION_CHANNEL;

  function deliver(topic: InvalidationTopic, key: string | undefined): void {
    for (const listener of listeners.get(topic) ?? []) {
      try {
        listener(key);
      } catch (error) {
        onError(error);
      }
    }
  }

  const redisOptions = {
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
  const publisher = options.redisUrl
    ? new Redis(options.redisUrl, { ...redisOptions, enableOfflineQueue: false })
    : undefined;
  // A subscribed connection can do nothing else, so it is a second one.
  const subscriber = options.redisUrl ? new Redis(options.redisUrl, redisOptions) : undefined;
  publisher?.on('error', onError);
  subscriber?.on('error', onError);
  subscriber?.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isMessage(message) || message.from === self) return;
    deliver(message.topic, message.key);
  });
  subscriber?.subscribe(channel).catch(onError);

  async function send(topic: InvalidationTopic, key: string | number | undefined): Promise<void> {
    const k = key === undefined ? undefined : String(key);
    deliver(topic, k);
    if (!publisher) return;
    const message: Message = { from: self, topic, ...(k === undefined ? {} : { key: k }) };
    await publisher.publish(channel, JSON.stringify(message)).then(
      () => undefined,
      (error: unknown) => onError(error),
    );
  }

  return {
    shared: publisher !== undefined,
    publish(topic, key) {
      void send(topic, key);
    },
    publishAndWait: send,
    async ping() {
      if (!publisher || !subscriber) return;
      if (subscriber.status !== 'ready') throw new Error(`Redis subscriber is ${subscriber.status}`);
      await publisher.ping();
    },
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      const quit = async (r: Redis | undefined) => {
        if (!r) return;
        await r.quit().catch(() => r.disconnect());
      };
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  };
}
