import type { InvalidationBus } from './invalidation.js';
import {
  LAST_SEEN_WRITE_INTERVAL_MS,
  findSession,
  hashToken,
  touchSession,
  writeLastSeen,
} from './sessions.js';
import type { Session } from './sessions.js';
import type { Db } from './transactions.js';

/**
 * With Redis, another process may end a session; its pub/sub message evicts the entry here at
 * once, and if Redis drops that message this bounds how long the stale entry is served.
 */
export const SHARED_SESSION_CACHE_TTL_MS = 5_000;

/** How often the last-seen times of cached sessions are written, batched. */
export const LAST_SEEN_FLUSH_INTERVAL_MS = 1_000;

interface Entry {
  session: Session;
  /** When the row was read (or last written by touch) from the database. */
  readAt: number;
}

export interface SessionCache {
  /**
   * The session for a token, or undefined when it has ended; writes last-seen at most once per
   * LAST_SEEN_WRITE_INTERVAL_MS. Costs no statement while the cached copy is young enough.
   */
  find(token: string, now: number): Promise<Session | undefined>;
  /** Forgets a token hash, or every session of `student:<id>` / `admin:<id>`, or (no key) all. */
  evict(key: string | undefined): void;
  /** Writes the last-seen times still pending (done every LAST_SEEN_FLUSH_INTERVAL_MS and at close). */
  flush(): Promise<void>;
  readonly size: number;
}

export interface SessionCacheOptions {
  db: Db;
  bus: InvalidationBus;
  idleMs: number;
  /** Entries kept (least recently used dropped first); 0 reads the database on every request. */
  maxEntries: number;
  /** Another process may end sessions too (bus.shared). */
  sharedTtlMs?: number;
  /** A batched last-seen write failed (the times stay pending and are tried again). */
  onFlushError?: (error: unknown) => void;
}

function userKey(session: Pick<Session, 'role' | 'userId'>): string {
  return `${session.role}:${session.userId}`;
}

export function createSessionCache(options: SessionCacheOptions): SessionCache & { close(): Promise<void> } {
  const { db, bus, idleMs, maxEntries } = options;
  const sharedTtlMs = options.sharedTtlMs ?? SHARED_SESSION_CACHE_TTL_MS;
  // Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  const byUser = new Map<string, Set<string>>();
  // A read that started before an eviction may carry the row the eviction was about; it is used
  // for its own request (which began first) but never cached.
  let epoch = 0;

  function remove(tokenHash: string): void {
    const entry = entries.get(tokenHash);
    if (!entry) return;
    entries.delete(tokenHash);
    const key = userKey(entry.session);
    const set = byUser.get(key);
    set?.delete(tokenHash);
    if (set?.size === 0) byUser.delete(key);
  }

  // Registrars are few and off the hot path, and `karina admin disable` runs in another process
  // that may have no Redis to tell this one: their sessions are read from the database each time.
  function cacheable(session: Session): boolean {
    return maxEntries > 0 && session.role !== 'admin';
  }

  function store(entry: Entry): void {
    const { session } = entry;
    remove(session.tokenHash);
    entries.set(session.tokenHash, entry);
    const key = userKey(session);
    let set = byUser.get(key);
    if (!set) {
      set = new Set();
      byUser.set(key, set);
    }
    set.add(session.tokenHash);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      remove(oldest);
    }
  }

  function evict(key: string | undefined): void {
    epoch++;
    if (key === undefined) {
      entries.clear();
      byUser.clear();
      return;
    }
    const user = byUser.get(key);
    if (user) {
      for (const tokenHash of [...user]) remove(tokenHash);
      return;
    }
    remove(key);
  }

  /**
   * Last-seen times of cached sessions, written in batches off the request path: a registration
   * click served from the cache costs no statement even when its minute's last-seen write is due.
   * A value is only ever a time this process served the session, so the database's last_seen_at
   * stays a lower bound of the truth (a crash loses at most one interval of it: the session may
   * then end that much early, never late).
   */
  const pending = new Map<string, number>();
  let flushing: Promise<void> = Promise.resolve();

  async function writePending(): Promise<void> {
    if (pending.size === 0) return;
    const batch = [...pending];
    pending.clear();
    // Rounded down to the second, so one statement covers a second's worth of sessions.
    const bySecond = new Map<number, string[]>();
    for (const [tokenHash, seenAt] of batch) {
      const second = seenAt - (seenAt % 1000);
      let hashes = bySecond.get(second);
      if (!hashes) bySecond.set(second, (hashes = []));
      hashes.push(tokenHash);
    }
    try {
      for (const [seenAt, hashes] of bySecond) await writeLastSeen(db, hashes, seenAt);
    } catch (error) {
      // Kept for the next flush unless a later request already recorded a newer time.
      for (const [tokenHash, seenAt] of batch) {
        if ((pending.get(tokenHash) ?? 0) < seenAt) pending.set(tokenHash, seenAt);
      }
      throw error;
    }
  }

  function flush(): Promise<void> {
    flushing = flushing.then(writePending, writePending);
    return flushing;
  }

  const timer = setInterval(() => {
    flush().catch((error: unknown) => options.onFlushError?.(error));
  }, LAST_SEEN_FLUSH_INTERVAL_MS);
  timer.unref();

  /**
   * A cached copy answers while the session has neither reached its lifetime nor gone idle by
   * this process's own record of it (a lower bound of the truth: if it looks idle here, the row
   * is read again, since another process may have served the session since), and while it is
   * young: at most the shared TTL when Redis tells every process of an ended session, else at
   * most the write interval, since other processes without Redis (student pods, workers) may
   * have ended it unseen.
   */
  function fresh(entry: Entry, now: number): boolean {
    const s = entry.session;
    if (now >= s.expiresAt) return false;
    if (now - s.lastSeenAt >= idleMs) return false;
    const maxAge = bus.shared ? sharedTtlMs : LAST_SEEN_WRITE_INTERVAL_MS;
    if (now - entry.readAt >= maxAge || now < entry.readAt) return false;
    return true;
  }

  /** Records the use; the write happens with the next flush. */
  function seen(entry: Entry, now: number): void {
    if (now - entry.session.lastSeenAt < LAST_SEEN_WRITE_INTERVAL_MS) return;
    entry.session = { ...entry.session, lastSeenAt: now };
    pending.set(entry.session.tokenHash, now);
  }

  async function find(token: string, now: number): Promise<Session | undefined> {
    const tokenHash = hashToken(token);
    const cached = entries.get(tokenHash);
    if (cached && fresh(cached, now)) {
      entries.delete(tokenHash);
      entries.set(tokenHash, cached);
      seen(cached, now);
      return cached.session;
    }
    const startedAt = epoch;
    // A time still waiting for the flush counts, or the row alone could call the session idle.
    const session = await findSession(db, token, now, idleMs, pending.get(tokenHash));
    if (!session) {
      if (startedAt === epoch) {
        remove(tokenHash);
        pending.delete(tokenHash);
      }
      return undefined;
    }
    if (!cacheable(session) || startedAt !== epoch) {
      // Not kept here: the write cannot wait for a flush that would have nothing to go by.
      const wrote = await touchSession(db, session, now);
      return wrote ? { ...session, lastSeenAt: now } : session;
    }
    const entry: Entry = { session, readAt: now };
    seen(entry, now);
    store(entry);
    return entry.session;
  }

  const unsubscribe = bus.subscribe('sessions', evict);
  return {
    find,
    evict,
    flush,
    get size() {
      return entries.size;
    },
    async close() {
      unsubscribe();
      clearInterval(timer);
      await flush();
    },
  };
}
