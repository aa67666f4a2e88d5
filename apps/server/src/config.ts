import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ServiceRole = 'all' | 'student' | 'sugang';
export type QueueMode = 'off' | 'auto' | 'on';

export interface Config {
  /** PORT: where the HTTP server listens (3000). */
  port: number;
  /**
   * HOST: the address to bind (0.0.0.0; localhost when KARINA_DEMO is on, because demo students
   * share a published password).
   */
  host: string;
  /** KARINA_SERVICE: which routes this process mounts: all (default) | student | sugang. */
  service: ServiceRole;
  /** KARINA_DB_URL: sqlite:<path> (default sqlite:./data/karina.db) or mysql://user:pass@host:3306/db. */
  dbUrl: string;
  /** KARINA_DB_POOL: MariaDB connections per process (20). */
  dbPoolSize: number;
  /** KARINA_REDIS_URL: optional; needed when more than one registration process runs. */
  redisUrl: string | undefined;
  /** KARINA_ADMIN_PASSWORD: the bootstrap admin's password; generated and printed once when unset. */
  adminPassword: string | undefined;
  /** KARINA_DEMO: seed a demo university into an empty database (default on for SQLite, off for MariaDB). */
  demo: boolean;
  /** KARINA_QUEUE: waiting room off | auto | on (auto). */
  queue: QueueMode;
  /**
   * KARINA_QUEUE_LEAD_MINUTES: how long before a registration period opens the waiting room takes
   * places (30), so the pre-opening shuffle has joiners to order.
   */
  queueLeadMs: number;
  /**
   * KARINA_QUEUE_RATE: fixed admissions per second (decimals allowed; 0 holds the queue). Unset: the
   * rate adapts to keep registration p99 under KARINA_QUEUE_P99_BUDGET_MS.
   */
  queueRate: number | undefined;
  /** KARINA_QUEUE_P99_BUDGET_MS: the registration p99 the adaptive admission rate aims under (500). */
  queueP99BudgetMs: number;
  /**
   * KARINA_QUEUE_ENGAGE_IN_FLIGHT: with KARINA_QUEUE=auto, registration requests in flight in one
   * process that engage the waiting room (256); it also engages when registration p99 exceeds the budget.
   */
  queueEngageInFlight: number;
  /**
   * KARINA_QUEUE_RELEASE_SECONDS: with KARINA_QUEUE=auto, how long the load must stay under both
   * thresholds before the waiting room releases (30).
   */
  queueReleaseMs: number;
  /**
   * KARINA_ADMISSION_SECRET: HMAC key of admission tokens (at least 32 characters). Unset: random,
   * shared by every process through Redis when KARINA_REDIS_URL is set, else per process.
   */
  admissionSecret: string | undefined;
  /** KARINA_ADMISSION_TTL_SECONDS: how long an admission token lets a student register (300). */
  admissionTtlMs: number;
  /** KARINA_RATE_LIMIT: on (default) | off, only for load rehearsals and tests. */
  rateLimit: boolean;
  /** KARINA_SESSION_TTL_HOURS: how long a login lasts (12). */
  sessionTtlMs: number;
  /** KARINA_COOKIE_SECURE: mark the session cookie Secure (on); off only for plain-HTTP local use. */
  cookieSecure: boolean;
  /** KARINA_LOG_LEVEL: pino level (info). */
  logLevel: string;
  /**
   * KARINA_TRUST_PROXY: which X-Forwarded-For hops to believe: off (default), a number of proxy hops
   * in front of Karina (1 behind one load balancer), or a comma-separated list of proxy addresses or
   * CIDRs. Never "trust everyone": a client could then pick its own address and dodge rate limits.
   */
  trustProxy: false | number | string[];
  /** KARINA_REQUEST_TIMEOUT_MS: a whole request (headers and body) must arrive within this (30000). */
  requestTimeoutMs: number;
  /** KARINA_HEADERS_TIMEOUT_MS: the request headers must arrive within this (10000); at most the request timeout. */
  headersTimeoutMs: number;
  /**
   * KARINA_KEEP_ALIVE_TIMEOUT_MS: an idle keep-alive connection is closed after this (65000). Keep it
   * above the load balancer's idle timeout (60 s on AWS), so the balancer never reuses a socket
   * Karina is closing at that instant (a 502).
   */
  keepAliveTimeoutMs: number;
  /** KARINA_CONNECTION_TIMEOUT_MS: a socket with no traffic either way for this long is closed (75000). */
  connectionTimeoutMs: number;
  /** KARINA_MAX_REQUESTS_PER_SOCKET: requests on one keep-alive connection before it is closed (10000); 0 = no limit. */
  maxRequestsPerSocket: number;
  /** KARINA_MAX_CONNECTIONS: open connections per process (10000); beyond it new sockets are dropped. */
  maxConnections: number;
  /** KARINA_SESSION_IDLE_MINUTES: a login ends after this long without a request (30), besides its lifetime. */
  sessionIdleMs: number;
  /**
   * KARINA_SESSION_CACHE_SIZE: students' sessions kept in memory per process (50000), so a
   * logged-in request reads no row; logout and account changes evict at once (other processes
   * through Redis, within 5 s if a message is lost). 0 reads the database on every request.
   */
  sessionCacheSize: number;
  /**
   * KARINA_LOGIN_ADDRESS_FAILURES: failed logins (and wrong current passwords) one client address
   * may make per 15 minutes, over all accounts (20). Raise it when a campus shares one NAT address.
   */
  loginAddressFailures: number;
  /**
   * KARINA_SHED_EVENT_LOOP_DELAY_MS: API requests get 503 OVERLOADED (Retry-After) at once while
   * the event loop runs later than this on average over the last quarter second (500); 0 = off.
   * /healthz, /readyz, /metrics, pages and GET /sugang/api/time are never refused. 500 matches the
   * waiting room's p99 budget: on SQLite every query runs on the event loop, so 100 students
   * browsing the catalog at once already keep it ~200 ms late while every one is served well.
   */
  shedEventLoopDelayMs: number;
  /**
   * KARINA_MAX_IN_FLIGHT: requests that touch the database (login, the catalog, registration,
   * cart and wait-list changes) served at once per process (200); the next gets 503 OVERLOADED at
   * once rather than queueing for the pool until it times out. 0 = no cap.
   */
  maxInFlight: number;
  /**
   * KARINA_SHUTDOWN_DRAIN_MS: on SIGTERM, /readyz answers 503 at once but requests are still served
   * for this long (5000), so a load balancer or Kubernetes stops sending before the port closes;
   * then in-flight requests finish and the pools close. SIGINT (Ctrl-C) skips the drain.
   */
  shutdownDrainMs: number;
  /**
   * KARINA_SHUTDOWN_TIMEOUT_MS: from the signal, the longest a shutdown may take, drain included
   * (25000, inside Kubernetes' default 30 s grace period); past it the process exits with 1.
   */
  shutdownTimeoutMs: number;
  /**
   * KARINA_METRICS_PORT: serve GET /metrics on this port of HOST instead of the public one (unset:
   * on the public port, as PRODUCT.md's every-process list has it). Set it wherever an ingress or
   * load balancer routes the public port, so only Prometheus reaches the metrics.
   */
  metricsPort: number | undefined;
  /**
   * KARINA_BUILD_COMMIT: the commit this build was made from, shown by karina_build_info in
   * /metrics (the image sets it at build time; "unknown" when unset). Up to 40 of 0-9 a-f.
   */
  buildCommit: string;
  /** KARINA_HASH_CONCURRENCY: password hashes run at once (2 per core); 16 times that may wait, then 503. */
  hashConcurrency: number;
  /**
   * KARINA_DEMO_PUBLIC: on lets a server whose students use the published demo password listen
   * beyond loopback (off): for a public demonstration, never for real students.
   */
  demoPublic: boolean;
  /**
   * KARINA_WEB_DIST: the built web app (index.html and assets/) to serve (apps/web/dist, found from
   * the server's own files). When it holds no index.html the API still runs; page paths answer 503.
   */
  webDist: string;
  /**
   * KARINA_ASSET_BASE_URL: where browsers fetch the web app's assets from, e.g. a CDN
   * (https://cdn.example.ac.kr/karina/, ending in /; http only for localhost); unset, this server.
   * The CSP then allows that origin for scripts, styles, images and fonts.
   */
  assetBaseUrl: string | undefined;
  /**
   * KARINA_GROUP_COMMIT_MS: registrations arriving within this many milliseconds are checked and
   * written in one transaction, each with its own answer (1); 0 = each in its own transaction.
   */
  groupCommitMs: number;
  /** KARINA_GROUP_COMMIT_MAX: registrations in one such transaction at most (32). */
  groupCommitMax: number;
  /**
   * KARINA_GROUP_COMMIT_CONCURRENCY: such transactions in flight at once per process; while that
   * many run, new registrations wait for one to finish and then go together, so batches grow with
   * the load. 0 = by database (1 on SQLite, which writes one transaction at a time anyway; 4 on
   * MariaDB).
   */
  groupCommitConcurrency: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

const KNOWN_KEYS = new Set([
  'PORT',
  'HOST',
  'KARINA_SERVICE',
  'KARINA_DB_URL',
  'KARINA_DB_POOL',
  'KARINA_REDIS_URL',
  'KARINA_ADMIN_PASSWORD',
  'KARINA_DEMO',
  'KARINA_QUEUE',
  'KARINA_QUEUE_LEAD_MINUTES',
  'KARINA_QUEUE_RATE',
  'KARINA_QUEUE_P99_BUDGET_MS',
  'KARINA_QUEUE_ENGAGE_IN_FLIGHT',
  'KARINA_QUEUE_RELEASE_SECONDS',
  'KARINA_ADMISSION_SECRET',
  'KARINA_ADMISSION_TTL_SECONDS',
  'KARINA_RATE_LIMIT',
  'KARINA_SESSION_TTL_HOURS',
  'KARINA_COOKIE_SECURE',
  'KARINA_LOG_LEVEL',
  'KARINA_TRUST_PROXY',
  'KARINA_REQUIRE_SERVICES',
  'KARINA_REQUEST_TIMEOUT_MS',
  'KARINA_HEADERS_TIMEOUT_MS',
  'KARINA_KEEP_ALIVE_TIMEOUT_MS',
  'KARINA_CONNECTION_TIMEOUT_MS',
  'KARINA_MAX_REQUESTS_PER_SOCKET',
  'KARINA_MAX_CONNECTIONS',
  'KARINA_SESSION_IDLE_MINUTES',
  'KARINA_SESSION_CACHE_SIZE',
  'KARINA_LOGIN_ADDRESS_FAILURES',
  'KARINA_HASH_CONCURRENCY',
  'KARINA_SHED_EVENT_LOOP_DELAY_MS',
  'KARINA_MAX_IN_FLIGHT',
  'KARINA_DEMO_PUBLIC',
  'KARINA_WEB_DIST',
  'KARINA_ASSET_BASE_URL',
  'KARINA_GROUP_COMMIT_MS',
  'KARINA_GROUP_COMMIT_MAX',
  'KARINA_GROUP_COMMIT_CONCURRENCY',
  'KARINA_SHUTDOWN_DRAIN_MS',
  'KARINA_SHUTDOWN_TIMEOUT_MS',
  'KARINA_METRICS_PORT',
  'KARINA_BUILD_COMMIT',
]);

function oneOf<T extends string>(
  env: Env,
  key: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${key} must be one of ${allowed.join(' | ')}, got "${raw}"`);
  return fallback;
}

function flag(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  problems.push(`${key} must be on or off, got "${env[key]}"`);
  return fallback;
}

function buildCommit(value: string | undefined, problems: string[]): string {
  if (value === undefined || value === '') return 'unknown';
  if (/^[0-9a-f]{4,40}$/.test(value)) return value;
  problems.push('KARINA_BUILD_COMMIT must be a commit id: 4-40 of 0-9 a-f');
  return 'unknown';
}

function int(env: Env, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

function trustProxy(env: Env, problems: string[]): false | number | string[] {
  const raw = env.KARINA_TRUST_PROXY?.trim();
  if (!raw || ['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (/^[0-9]+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
    problems.push(`KARINA_TRUST_PROXY hop count must be 1-10, got "${raw}"`);
    return false;
  }
  const list = raw.split(',').map((part) => part.trim());
  const tooWide = list.filter(coversTooMuch);
  if (tooWide.length > 0) {
    problems.push(
      `KARINA_TRUST_PROXY must name your proxies, not the internet: ${tooWide.join(', ')} would let any client choose its own address`,
    );
    return false;
  }
  if (list.every((part) => /^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(part) && part.length > 0)) return list;
  problems.push(
    `KARINA_TRUST_PROXY must be off, a hop count 1-10, or proxy addresses/CIDRs separated by commas, got "${raw}"`,
  );
  return false;
}

/**
 * A trusted range so wide that it holds public addresses by the million: 0.0.0.0/0, ::/0, any IPv4
 * prefix shorter than /8 or IPv6 shorter than /7 (10.0.0.0/8 and fc00::/7 are the widest private
 * ranges), every IPv4-mapped address (::ffff:0:0/96), or the unspecified address itself.
 */
function coversTooMuch(part: string): boolean {
  const [address = '', bits] = part.split('/');
  const prefix = bits === undefined ? undefined : Number(bits);
  const lower = address.toLowerCase();
  if (lower === '0.0.0.0' || lower === '::' || /^0+(:0+)*::?$/.test(lower)) return true;
  if (prefix === undefined) return false;
  if (address.includes(':')) {
    if (lower.startsWith('::ffff:') && prefix <= 96) return true;
    return prefix < 7;
  }
  return prefix < 8;
}

// src/config.ts and dist/config.js sit at the same depth, so one relative path serves both.
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * An absolute URL ending in "/", https except on this machine: assets fetched over plain HTTP from
 * elsewhere could be swapped in transit, and the CSP would let them run.
 */
function assetBaseUrl(env: Env, problems: string[]): string | undefined {
  const raw = env.KARINA_ASSET_BASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const local = url !== undefined && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  if (
    url === undefined ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !raw.endsWith('/') ||
    // It is written into HTML attributes and a CSP header, so only characters safe in both.
    !/^\/[A-Za-z0-9._~%/-]*$/.test(url.pathname)
  ) {
    problems.push(
      `KARINA_ASSET_BASE_URL must be an absolute https URL ending in / (http only for localhost or 127.0.0.1), without query, fragment or credentials, got "${raw}"`,
    );
    return undefined;
  }
  return url.href;
}

function rate(env: Env, key: string, problems: string[]): number | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 100_000) {
    problems.push(`${key} must be a number from 0 to 100000, got "${raw}"`);
    return undefined;
  }
  return n;
}

function secret(env: Env, key: string, problems: string[]): string | undefined {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) problems.push(`${key} must be at least 32 characters`);
  return raw;
}

/** localhost, ::1 or 127.x.y.z: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
}

/** Parses the environment once; every bad key is listed in one error. */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  for (const key of Object.keys(env)) {
    if (key.startsWith('KARINA_') && !KNOWN_KEYS.has(key)) problems.push(`${key} is not a known setting`);
  }
  const dbUrl = env.KARINA_DB_URL || 'sqlite:./data/karina.db';
  if (!/^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/.test(dbUrl)) {
    problems.push('KARINA_DB_URL must be sqlite:<path> or mysql://user:pass@host:3306/db');
  }
  const redisUrl = env.KARINA_REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('KARINA_REDIS_URL must start with redis://');
  const adminPassword = env.KARINA_ADMIN_PASSWORD || undefined;
  if (
    adminPassword !== undefined &&
    (adminPassword.length < 12 || !/[A-Za-z]/.test(adminPassword) || !/[0-9]/.test(adminPassword))
  ) {
    problems.push('KARINA_ADMIN_PASSWORD must be at least 12 characters with a letter and a digit');
  }
  const demo = flag(env, 'KARINA_DEMO', dbUrl.startsWith('sqlite:'), problems);
  const demoPublic = flag(env, 'KARINA_DEMO_PUBLIC', false, problems);
  const host = env.HOST || (demo ? 'localhost' : '0.0.0.0');
  if (demo && !demoPublic && !isLoopbackHost(host)) {
    problems.push(
      `KARINA_DEMO seeds students who share the published password, so HOST=${host} would serve them ` +
        'beyond this machine: use HOST=localhost, KARINA_DEMO=off, or KARINA_DEMO_PUBLIC=on for a public demonstration',
    );
  }
  const config: Config = {
    port: int(env, 'PORT', 3000, 0, 65535, problems),
    host,
    service: oneOf(env, 'KARINA_SERVICE', ['all', 'student', 'sugang'] as const, 'all', problems),
    dbUrl,
    dbPoolSize: int(env, 'KARINA_DB_POOL', 20, 1, 500, problems),
    redisUrl,
    adminPassword,
    demo,
    queue: oneOf(env, 'KARINA_QUEUE', ['off', 'auto', 'on'] as const, 'auto', problems),
    queueLeadMs: int(env, 'KARINA_QUEUE_LEAD_MINUTES', 30, 0, 24 * 60, problems) * 60_000,
    queueRate: rate(env, 'KARINA_QUEUE_RATE', problems),
    queueP99BudgetMs: int(env, 'KARINA_QUEUE_P99_BUDGET_MS', 500, 1, 60_000, problems),
    queueEngageInFlight: int(env, 'KARINA_QUEUE_ENGAGE_IN_FLIGHT', 256, 1, 1_000_000, problems),
    queueReleaseMs: int(env, 'KARINA_QUEUE_RELEASE_SECONDS', 30, 1, 3_600, problems) * 1_000,
    admissionSecret: secret(env, 'KARINA_ADMISSION_SECRET', problems),
    admissionTtlMs: int(env, 'KARINA_ADMISSION_TTL_SECONDS', 300, 5, 3_600, problems) * 1_000,
    rateLimit: flag(env, 'KARINA_RATE_LIMIT', true, problems),
    sessionTtlMs: int(env, 'KARINA_SESSION_TTL_HOURS', 12, 1, 24 * 30, problems) * 3_600_000,
    cookieSecure: flag(env, 'KARINA_COOKIE_SECURE', true, problems),
    logLevel: oneOf(
      env,
      'KARINA_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
      problems,
    ),
    trustProxy: trustProxy(env, problems),
    requestTimeoutMs: int(env, 'KARINA_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000, problems),
    headersTimeoutMs: int(env, 'KARINA_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000, problems),
    keepAliveTimeoutMs: int(env, 'KARINA_KEEP_ALIVE_TIMEOUT_MS', 65_000, 100, 600_000, problems),
    connectionTimeoutMs: int(env, 'KARINA_CONNECTION_TIMEOUT_MS', 75_000, 100, 600_000, problems),
    maxRequestsPerSocket: int(env, 'KARINA_MAX_REQUESTS_PER_SOCKET', 10_000, 0, 1_000_000, problems),
    maxConnections: int(env, 'KARINA_MAX_CONNECTIONS', 10_000, 1, 1_000_000, problems),
    sessionIdleMs: int(env, 'KARINA_SESSION_IDLE_MINUTES', 30, 1, 24 * 60, problems) * 60_000,
    sessionCacheSize: int(env, 'KARINA_SESSION_CACHE_SIZE', 50_000, 0, 10_000_000, problems),
    loginAddressFailures: int(env, 'KARINA_LOGIN_ADDRESS_FAILURES', 20, 1, 100_000, problems),
    hashConcurrency: int(env, 'KARINA_HASH_CONCURRENCY', 2 * availableParallelism(), 1, 1024, problems),
    shedEventLoopDelayMs: int(env, 'KARINA_SHED_EVENT_LOOP_DELAY_MS', 500, 0, 60_000, problems),
    maxInFlight: int(env, 'KARINA_MAX_IN_FLIGHT', 200, 0, 1_000_000, problems),
    demoPublic,
    webDist: env.KARINA_WEB_DIST ? resolve(env.KARINA_WEB_DIST) : DEFAULT_WEB_DIST,
    assetBaseUrl: assetBaseUrl(env, problems),
    groupCommitMs: int(env, 'KARINA_GROUP_COMMIT_MS', 1, 0, 100, problems),
    groupCommitMax: int(env, 'KARINA_GROUP_COMMIT_MAX', 32, 1, 1_000, problems),
    groupCommitConcurrency: int(env, 'KARINA_GROUP_COMMIT_CONCURRENCY', 0, 0, 1_000, problems),
    shutdownDrainMs: int(env, 'KARINA_SHUTDOWN_DRAIN_MS', 5_000, 0, 300_000, problems),
    shutdownTimeoutMs: int(env, 'KARINA_SHUTDOWN_TIMEOUT_MS', 25_000, 1_000, 600_000, problems),
    metricsPort:
      env.KARINA_METRICS_PORT === undefined || env.KARINA_METRICS_PORT === ''
        ? undefined
        : int(env, 'KARINA_METRICS_PORT', 0, 0, 65535, problems),
    buildCommit: buildCommit(env.KARINA_BUILD_COMMIT, problems),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    problems.push('KARINA_HEADERS_TIMEOUT_MS must not be larger than KARINA_REQUEST_TIMEOUT_MS');
  }
  if (config.metricsPort !== undefined && config.metricsPort !== 0 && config.metricsPort === config.port) {
    problems.push(
      'KARINA_METRICS_PORT must differ from PORT (the point is to keep metrics off the public port)',
    );
  }
  if (config.shutdownDrainMs >= config.shutdownTimeoutMs) {
    problems.push(
      'KARINA_SHUTDOWN_DRAIN_MS must be smaller than KARINA_SHUTDOWN_TIMEOUT_MS (the bound includes the drain)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** A config for tests and tools: defaults plus overrides, without reading process.env. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return Object.freeze({
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    demo: false,
    rateLimit: false,
    // Suites and benchmarks fire hundreds of registrations at once, which would engage KARINA_QUEUE=auto;
    // the waiting room's own suites and scenarios choose their mode.
    queue: 'off',
    logLevel: 'silent',
    cookieSecure: false,
    adminPassword: `test-${randomBytes(9).toString('base64url')}-7`,
    // Suites move the fake clock by hours around one token; the idle timeout has its own tests.
    sessionIdleMs: 24 * 3_600_000,
    // A busy test machine lags and race tests fire hundreds at once; shedding has its own tests.
    shedEventLoopDelayMs: 0,
    maxInFlight: 0,
    ...overrides,
  });
}
