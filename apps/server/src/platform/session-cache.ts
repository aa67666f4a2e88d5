import type { InvalidationBus } from './invalidation.js';
import { LAST_SEEN_WRITE_INTERVAL_MS, findSession, hashToken, touchSession } from './sessions.js';
import type { Session } from './sessions.js';
import type { Db } from './transactions.js';

/**
 * With Redis, another process may end a session; its pub/sub message evicts the entry here at
 * once, and if Redis drops that message this bounds how long the stale entry is served.
 */
export const SHARED_SESSION_CACHE_TTL_MS = 5_000;

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
}

function userKey(session: Pick<Session, 'role' | 'userId'>): string {
  return `${session.role}:${session.userId}`;
}

export function createSessionCache(options: SessionCacheOptions): SessionCache & { close(): void } {
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

  function store(session: Session, readAt: number): void {
    // Registrars are few and off the hot path, and `karina admin disable` runs in another process
    // that may have no Redis to tell this one: their sessions are read from the database each time.
    if (maxEntries <= 0 || session.role === 'admin') return;
    remove(session.tokenHash);
    entries.set(session.tokenHash, { session, readAt });
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
   * A cached copy answers only while no last-seen write is due: once one is, the row is read
   * again, so an idle verdict and the write are always based on the database (where another
   * process, or an operator, may have moved last_seen_at), and the cache never holds a copy older
   * than the write interval (or the shared TTL).
   */
  function fresh(entry: Entry, now: number): boolean {
    const s = entry.session;
    if (now >= s.expiresAt) return false;
    if (now - s.lastSeenAt >= Math.min(LAST_SEEN_WRITE_INTERVAL_MS, idleMs)) return false;
    if (bus.shared && now - entry.readAt >= sharedTtlMs) return false;
    return true;
  }

  async function find(token: string, now: number): Promise<Session | undefined> {
    const tokenHash = hashToken(token);
    const cached = entries.get(tokenHash);
    if (cached && fresh(cached, now)) {
      entries.delete(tokenHash);
      entries.set(tokenHash, cached);
      return cached.session;
    }
    const startedAt = epoch;
    const session = await findSession(db, token, now, idleMs);
    if (!session) {
      if (startedAt === epoch) remove(tokenHash);
      return undefined;
    }
    const wrote = await touchSession(db, session, now);
    const current = wrote ? { ...session, lastSeenAt: now } : session;
    if (startedAt === epoch) store(current, now);
    return current;
  }

  const unsubscribe = bus.subscribe('sessions', evict);
  return {
    find,
    evict,
    get size() {
      return entries.size;
    },
    close: unsubscribe,
  };
}
