import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { AppError } from './errors.js';

/**
 * How password guesses are slowed down (OWASP ASVS 2.2.1, NIST SP 800-63B 5.2.2). Two counters,
 * both checked before any password is hashed:
 * - per client address: at most `addressFailures` failed attempts per window, whatever accounts
 *   they aim at, so one address cannot spray many accounts with a few guesses each;
 * - per account, across all addresses: the first `freeFailures` consecutive failures cost nothing,
 *   then each further attempt waits twice as long as the one before (capped), and after
 *   `maxConsecutive` consecutive failures the account takes no more guesses until `accountMemoryMs`
 *   have passed since the last one. A successful login clears it. The wait is never permanent, so a
 *   stranger cannot lock a student out for good, and reaching the ceiling at the capped pace takes
 *   most of a day.
 * An attempt is counted when it starts (and given back when it succeeds), so parallel guesses
 * cannot all slip through before the first failure is written.
 */
export interface ThrottlePolicy {
  addressFailures: number;
  addressWindowMs: number;
  freeFailures: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxConsecutive: number;
  accountMemoryMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  addressFailures: 20,
  addressWindowMs: 15 * 60_000,
  freeFailures: 5,
  backoffBaseMs: 1_000,
  backoffCapMs: 15 * 60_000,
  maxConsecutive: 100,
  accountMemoryMs: 24 * 3_600_000,
};

/** What one attempt is counted against; `account` is null for a name that cannot exist. */
export interface AttemptKeys {
  address: string;
  account: string | null;
}

/**
 * The address a failure is counted against. One IPv6 subscriber usually holds a whole /64 and can
 * pick a new address from it for every guess, so IPv6 counts by /64; IPv4-mapped addresses (what a
 * server listening on :: sees) count as the IPv4 address they carry.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:([0-9.]+)$/i.exec(ip);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(ip)) return ip;
  let text = ip.toLowerCase().split('%')[0] ?? '';
  const dotted = /([0-9]+\.[0-9]+\.[0-9]+\.[0-9]+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, '0'))
    .join(':')}::/64`;
}

/** Where the counters live: this process's memory, or Redis so every process sees the same ones. */
export interface ThrottleStore {
  /** Counts the attempt unless one counter is exhausted; returns how many ms to wait, or 0 when counted. */
  begin(keys: AttemptKeys, now: number, policy: ThrottlePolicy): Promise<number>;
  /** The attempt succeeded: the account starts over, and the address gets its attempt back. */
  succeed(keys: AttemptKeys): Promise<void>;
  /** The attempt never checked a password (the server was busy): both counters get it back. */
  cancel(keys: AttemptKeys): Promise<void>;
  close(): Promise<void>;
}

/** A 429 or 503 that tells the client when to come back; the route copies it into Retry-After. */
export class RetryLaterError extends AppError {
  constructor(
    code: 'RATE_LIMITED' | 'OVERLOADED',
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super(code, message);
  }
}

/** Runs a service call and, when it says "come back later", tells the client when in Retry-After. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RetryLaterError) void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

export function accountWaitMs(count: number, last: number, now: number, policy: ThrottlePolicy): number {
  if (count >= policy.maxConsecutive) return Math.max(0, last + policy.accountMemoryMs - now);
  if (count < policy.freeFailures) return 0;
  const delay = Math.min(policy.backoffBaseMs * 2 ** (count - policy.freeFailures), policy.backoffCapMs);
  return Math.max(0, last + delay - now);
}

interface Counter {
  count: number;
  /** When the address window began, or when the account last failed. */
  at: number;
}

export function createMemoryThrottleStore(): ThrottleStore {
  const addresses = new Map<string, Counter>();
  const accounts = new Map<string, Counter>();
  let lastSweep = 0;

  function sweep(now: number, policy: ThrottlePolicy) {
    // Keeps a long-running process from growing one entry per address forever.
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [k, c] of addresses) if (now - c.at >= policy.addressWindowMs) addresses.delete(k);
    for (const [k, c] of accounts) if (now - c.at >= policy.accountMemoryMs) accounts.delete(k);
  }

  return {
    begin(keys, now, policy) {
      sweep(now, policy);
      let address = addresses.get(keys.address);
      if (address && now - address.at >= policy.addressWindowMs) address = undefined;
      let account = keys.account === null ? undefined : accounts.get(keys.account);
      if (account && now - account.at >= policy.accountMemoryMs) account = undefined;
      let wait = 0;
      if (address && address.count >= policy.addressFailures) {
        wait = address.at + policy.addressWindowMs - now;
      }
      if (account) wait = Math.max(wait, accountWaitMs(account.count, account.at, now, policy));
      if (wait > 0) return Promise.resolve(wait);
      addresses.set(keys.address, { count: (address?.count ?? 0) + 1, at: address?.at ?? now });
      if (keys.account !== null) accounts.set(keys.account, { count: (account?.count ?? 0) + 1, at: now });
      return Promise.resolve(0);
    },
    succeed(keys) {
      giveBack(addresses, keys.address);
      if (keys.account !== null) accounts.delete(keys.account);
      return Promise.resolve();
    },
    cancel(keys) {
      giveBack(addresses, keys.address);
      if (keys.account !== null) giveBack(accounts, keys.account);
      return Promise.resolve();
    },
    close() {
      addresses.clear();
      accounts.clear();
      return Promise.resolve();
    },
  };
}

function giveBack(map: Map<string, Counter>, key: string) {
  const c = map.get(key);
  if (c) c.count = Math.max(0, c.count - 1);
}

/**
 * The same rules as the memory store, run inside Redis so check-and-count is one atomic step for
 * every process. Time comes from the caller's clock (ARGV[1]), not Redis's, so tests can move it;
 * the key TTLs only clean up.
 */
const BEGIN_SCRIPT = `
local now = tonumber(ARGV[1])
local addrMax, addrWindow = tonumber(ARGV[2]), tonumber(ARGV[3])
local free, base, cap = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local maxConsecutive, memory = tonumber(ARGV[7]), tonumber(ARGV[8])
local hasAccount = ARGV[9] == '1'
local ac = tonumber(redis.call('HGET', KEYS[1], 'count') or '0') or 0
local aat = tonumber(redis.call('HGET', KEYS[1], 'at') or ARGV[1]) or now
if ac > 0 and now - aat >= addrWindow then ac = 0; aat = now end
if ac == 0 then aat = now end
local uc, uat = 0, now
if hasAccount then
  uc = tonumber(redis.call('HGET', KEYS[2], 'count') or '0') or 0
  uat = tonumber(redis.call('HGET', KEYS[2], 'at') or ARGV[1]) or now
  if uc > 0 and now - uat >= memory then uc = 0 end
end
local wait = 0
if ac >= addrMax then wait = aat + addrWindow - now end
if uc >= maxConsecutive then
  wait = math.max(wait, uat + memory - now)
elseif uc >= free then
  local delay = math.min(base * math.pow(2, uc - free), cap)
  wait = math.max(wait, uat + delay - now)
end
if wait > 0 then return math.ceil(wait) end
redis.call('HSET', KEYS[1], 'count', ac + 1, 'at', aat)
redis.call('PEXPIRE', KEYS[1], addrWindow)
if hasAccount then
  redis.call('HSET', KEYS[2], 'count', uc + 1, 'at', now)
  redis.call('PEXPIRE', KEYS[2], memory)
end
return 0
`;

const GIVE_BACK_SCRIPT = `
for i, key in ipairs(KEYS) do
  local c = tonumber(redis.call('HGET', key, 'count') or '0') or 0
  if c > 0 then redis.call('HSET', key, 'count', c - 1) end
end
return 0
`;

const PREFIX = 'karina:login:';

export function createRedisThrottleStore(url: string, onError: (error: unknown) => void): ThrottleStore {
  // Fail fast rather than queue: a login waiting on an unreachable Redis helps nobody, and the
  // throttle falls back to this process's memory meanwhile.
  const redis = new Redis(url, {
    // A registration-only process never checks a password, so it never needs to connect.
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  redis.on('error', onError);
  const addressKey = (k: AttemptKeys) => `${PREFIX}addr:${k.address}`;
  const accountKey = (k: AttemptKeys) => `${PREFIX}acct:${k.account ?? ''}`;
  return {
    async begin(keys, now, p) {
      const wait = await redis.eval(
        BEGIN_SCRIPT,
        2,
        addressKey(keys),
        accountKey(keys),
        now,
        p.addressFailures,
        p.addressWindowMs,
        p.freeFailures,
        p.backoffBaseMs,
        p.backoffCapMs,
        p.maxConsecutive,
        p.accountMemoryMs,
        keys.account === null ? '0' : '1',
      );
      return Number(wait);
    },
    async succeed(keys) {
      await redis.eval(GIVE_BACK_SCRIPT, 1, addressKey(keys));
      if (keys.account !== null) await redis.del(accountKey(keys));
    },
    async cancel(keys) {
      if (keys.account === null) await redis.eval(GIVE_BACK_SCRIPT, 1, addressKey(keys));
      else await redis.eval(GIVE_BACK_SCRIPT, 2, addressKey(keys), accountKey(keys));
    },
    async close() {
      if (redis.status === 'wait') redis.disconnect();
      else await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export interface LoginThrottle {
  /** Counts one password attempt, or throws RATE_LIMITED (429 + Retry-After) before any hashing. */
  begin(keys: AttemptKeys): Promise<void>;
  succeed(keys: AttemptKeys): Promise<void>;
  cancel(keys: AttemptKeys): Promise<void>;
  close(): Promise<void>;
}

export function createLoginThrottle(options: {
  store: ThrottleStore | null;
  policy: ThrottlePolicy;
  now: () => number;
  /** Called when the shared store fails and this process's memory is used instead. */
  onStoreError?: (error: unknown) => void;
}): LoginThrottle {
  const { store: maybeStore, policy, now, onStoreError = () => {} } = options;
  if (maybeStore === null) {
    const nothing = () => Promise.resolve();
    return { begin: nothing, succeed: nothing, cancel: nothing, close: nothing };
  }
  const store: ThrottleStore = maybeStore;
  // While Redis is unreachable, logins are still throttled, per process: failing closed would
  // lock every student out at the opening second, failing open would stop counting guesses.
  const local = createMemoryThrottleStore();
  async function withFallback<T>(work: (s: ThrottleStore) => Promise<T>): Promise<T> {
    try {
      return await work(store);
    } catch (error) {
      onStoreError(error);
      return work(local);
    }
  }
  return {
    async begin(raw) {
      const keys = { ...raw, address: throttleAddress(raw.address) };
      const waitMs = await withFallback((s) => s.begin(keys, now(), policy));
      if (waitMs <= 0) return;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RetryLaterError(
        'RATE_LIMITED',
        seconds,
        `로그인 시도가 너무 많습니다. ${seconds}초 후 다시 시도하세요 / Too many attempts, retry in ${seconds}s`,
      );
    },
    succeed: (keys) => withFallback((s) => s.succeed({ ...keys, address: throttleAddress(keys.address) })),
    cancel: (keys) => withFallback((s) => s.cancel({ ...keys, address: throttleAddress(keys.address) })),
    close: async () => {
      await store.close();
      await local.close();
    },
  };
}

/** What a password check needs besides the database: the throttle and the hashing cap. */
export interface PasswordCheckDeps {
  throttle: LoginThrottle;
  hashGate: { run<T>(work: () => Promise<T>): Promise<T> };
}

/**
 * One password check under both defences: counted by the throttle first (429 before any hashing),
 * then hashed inside the gate (503 when it is full, and then the attempt is not counted).
 */
export async function checkPasswordThrottled(
  deps: PasswordCheckDeps,
  keys: AttemptKeys,
  verify: () => Promise<boolean>,
): Promise<boolean> {
  await deps.throttle.begin(keys);
  let ok: boolean;
  try {
    ok = await deps.hashGate.run(verify);
  } catch (error) {
    await deps.throttle.cancel(keys);
    throw error;
  }
  if (ok) await deps.throttle.succeed(keys);
  return ok;
}
