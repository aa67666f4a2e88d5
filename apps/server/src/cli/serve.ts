import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { closeSync, fchmodSync, mkdirSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { connectDatabase, migrateToLatest, parseDbUrl } from '@karina/db';
import type { DialectName, KarinaDb } from '@karina/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { isLoopbackHost } from '../config.js';
import type { Config } from '../config.js';
import { ensureBootstrapAdmin } from '../platform/bootstrap.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import { verifyPassword } from '../platform/passwords.js';
import type { Db } from '../platform/transactions.js';
import { DEFAULT_SEED_OPTIONS } from '../seed/generate.js';
import { DEMO_STUDENT_PASSWORD, seedUniversity } from '../seed/seed.js';
import type { CliContext } from './io.js';
import { CliError, isTerminal, loadConfigOrFail, printBox, progressBar, say } from './io.js';
import { SHUTDOWN_MESSAGE, assertWorkersCanShare, parseWorkers, runPrimary } from './serve-workers.js';

export const SERVE_HELP = `Usage: karina serve [--workers N]

Runs the HTTP server for KARINA_SERVICE (all | student | sugang) on PORT. On start it applies
pending migrations, creates the bootstrap admin "admin" (a generated password, when
KARINA_ADMIN_PASSWORD is unset, is shown once on a terminal, or else written to a file readable by
the owner only, whose path is printed) and, with KARINA_DEMO on, seeds a demo university into an
empty database. Students sharing the published demo password are served on loopback only, unless
KARINA_DEMO_PUBLIC=on. SIGTERM drains first (/readyz answers 503 while requests are still served
for KARINA_SHUTDOWN_DRAIN_MS), then closes gracefully; SIGINT closes without the drain; a second
signal exits at once.

Options:
  --workers N   run N server processes on the same port (node:cluster), to use several cores: this
                process migrates, creates the admin and seeds the demo once, then starts the
                workers, replaces one that dies (waiting longer each time they die young) and stops
                them all on SIGTERM/SIGINT. 0 or auto = one per core. With N > 1 a role that serves
                sugang (all, sugang) needs KARINA_REDIS_URL, which keeps the workers' caches and
                the waiting room one.
  -h, --help    show this help`;

export const BOOTSTRAP_PASSWORD_FILE = 'bootstrap-admin-password.txt';

/**
 * Where a generated bootstrap password goes when nobody is watching a terminal: beside the SQLite
 * file, or ./data for MariaDB, else a fresh private folder under the temp dir. Written 0600.
 */
export function writeBootstrapPasswordFile(config: Readonly<Config>, password: string): string {
  const { dialect, target } = parseDbUrl(config.dbUrl);
  const preferred =
    dialect === 'sqlite' && target !== ':memory:' ? dirname(resolve(target)) : resolve('data');
  const attempt = (dir: string) => {
    const path = join(dir, BOOTSTRAP_PASSWORD_FILE);
    const fd = openSync(path, 'w', 0o600);
    try {
      // openSync's mode only applies to a new file; an old one keeps its mode without this.
      fchmodSync(fd, 0o600);
      writeSync(fd, `admin\n${password}\n`);
    } finally {
      closeSync(fd);
    }
    return path;
  };
  try {
    mkdirSync(preferred, { recursive: true, mode: 0o700 });
    return attempt(preferred);
  } catch {
    return attempt(mkdtempSync(join(tmpdir(), 'karina-bootstrap-')));
  }
}

/**
 * Creates the bootstrap admin. A generated password is shown on stdout only when stdout is a
 * terminal: piped stdout usually ends in a log pipeline (journald, EFK), where a secret would be
 * kept and copied for as long as the logs are. Otherwise it goes to a 0600 file and only the path
 * is printed.
 */
export async function bootstrapAdmin(
  db: Db,
  config: Readonly<Config>,
  ctx: CliContext,
  now: number,
): Promise<void> {
  let result: Awaited<ReturnType<typeof ensureBootstrapAdmin>>;
  try {
    result = await ensureBootstrapAdmin(db, config.adminPassword, now);
  } catch (error) {
    // Another process started at the same moment and created it first.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  if (!result.generatedPassword) return;
  if (isTerminal(ctx.stdout)) {
    printBox(ctx.stdout, [
      `bootstrap admin: admin / ${result.generatedPassword} — shown once, change it`,
      'set KARINA_ADMIN_PASSWORD to choose it yourself',
    ]);
    return;
  }
  const path = writeBootstrapPasswordFile(config, result.generatedPassword);
  printBox(ctx.stdout, [
    `bootstrap admin: admin — generated password written to ${path} (owner-only)`,
    'read it, log in, change it, then delete the file',
  ]);
}

/**
 * True when most students still log in with the published demo password: demo data seeded by an
 * earlier start, even if KARINA_DEMO is off now. Seeded students share one hash, so the largest
 * group of equal hashes is the one to check, with a single verification.
 */
export async function holdsDemoPasswordStudents(db: Db): Promise<boolean> {
  const top = await db
    .selectFrom('students')
    .select(['password_hash', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('password_hash')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    top !== undefined && Number(top.n) > 1 && (await verifyPassword(top.password_hash, DEMO_STUDENT_PASSWORD))
  );
}

/** Refuses to serve students with the published password beyond loopback unless told to. */
export async function assertDemoStaysLocal(db: Db, config: Readonly<Config>): Promise<void> {
  if (isLoopbackHost(config.host) || config.demoPublic) return;
  if (config.demo || (await holdsDemoPasswordStudents(db))) {
    throw new CliError(
      `this database has demo students who share the published password ${DEMO_STUDENT_PASSWORD}, ` +
        `so Karina will not listen on HOST=${config.host}: use HOST=localhost, ` +
        'or KARINA_DEMO_PUBLIC=on if this is a public demonstration with no real students',
    );
  }
}

/** Seeds the demo university when the database is empty; returns without a word otherwise. */
export async function seedDemo(db: Db, dialect: DialectName, ctx: CliContext, now: number): Promise<void> {
  const bar = progressBar(ctx.stderr);
  let result: Awaited<ReturnType<typeof seedUniversity>>;
  try {
    result = await seedUniversity(
      db,
      dialect,
      { ...DEFAULT_SEED_OPTIONS, now, studentPassword: DEMO_STUDENT_PASSWORD, ifNotEmpty: 'skip' },
      bar.update,
    );
  } catch (error) {
    if (isUniqueViolation(error)) return; // another process seeded it at the same moment
    throw error;
  } finally {
    bar.stop();
  }
  if (!result.seeded) return;
  const { counts } = result;
  const sample = result.students[0]?.studentNo ?? '(none)';
  say(
    ctx.stdout,
    `demo university seeded: ${counts.departments} departments, ${counts.students} students, ` +
      `${counts.sections} sections; 수강신청 is open for 14 days from now`,
  );
  say(
    ctx.stdout,
    `demo student login: any 학번, e.g. ${sample} / ${DEMO_STUDENT_PASSWORD} (shared by every demo student)`,
  );
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/**
 * Resolves with the exit code once a signal has closed the server and the database. SIGTERM (what
 * Kubernetes and a cluster primary send) drains first: /readyz turns 503 while requests are still
 * served for KARINA_SHUTDOWN_DRAIN_MS, so the load balancer stops sending before the port closes;
 * then Fastify stops accepting, finishes in-flight requests and the pools close. SIGINT (Ctrl-C at
 * a terminal, where nobody balances load) skips the drain. The whole shutdown is bounded by
 * KARINA_SHUTDOWN_TIMEOUT_MS; past it the process exits with 1.
 */
function untilShutdown(
  app: FastifyInstance,
  karina: KarinaDb,
  ctx: CliContext,
  config: Readonly<Config>,
): Promise<number> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        say(ctx.stderr, `karina: ${signal} again, exiting without waiting`);
        process.exit(130);
      }
      closing = true;
      const drainMs = signal === 'SIGTERM' ? config.shutdownDrainMs : 0;
      app.startDraining();
      app.log.info(
        { signal, drainMs },
        'shutting down: not ready, draining, then finishing in-flight requests',
      );
      const bound = setTimeout(() => {
        say(ctx.stderr, `karina: shutdown took longer than ${config.shutdownTimeoutMs} ms, exiting`);
        process.exit(1);
      }, config.shutdownTimeoutMs);
      bound.unref();
      new Promise((drained) => setTimeout(drained, drainMs))
        .then(() => app.close())
        .then(() => karina.close())
        .then(
          () => resolve(0),
          (error: unknown) => {
            say(ctx.stderr, `karina: shutdown failed: ${String(error)}`);
            resolve(1);
          },
        )
        .finally(() => {
          clearTimeout(bound);
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    // A worker's primary asks by message (after its own SIGTERM or SIGINT): a terminal's Ctrl-C
    // reaches both, and a forwarded signal would then be this worker's second, which exits without
    // waiting.
    process.on('message', (message) => {
      if (message === SHUTDOWN_MESSAGE && !closing) onSignal('SIGTERM');
    });
  });
}

export interface ServeOptions {
  /** --workers as typed: N, 0 or auto; undefined serves in this process. */
  workers?: string | undefined;
}

export async function serve(ctx: CliContext, options: ServeOptions = {}): Promise<number> {
  if (cluster.isWorker) return serveWorker(ctx);
  if (options.workers !== undefined) return servePrimary(ctx, parseWorkers(options.workers));
  const config = loadConfigOrFail(ctx.env);
  const karina = connectDatabase(config.dbUrl, { poolSize: config.dbPoolSize });
  let app: FastifyInstance | undefined;
  let metrics: AddressInfo | undefined;
  try {
    const applied = await migrateToLatest(karina.db, karina.dialect);
    if (applied.length > 0)
      say(ctx.stdout, `karina: applied migrations ${applied.join(', ')} to ${karina.describe}`);
    await assertDemoStaysLocal(karina.db, config);
    await bootstrapAdmin(karina.db, config, ctx, Date.now());
    if (config.demo) await seedDemo(karina.db, karina.dialect, ctx, Date.now());
    app = await buildApp(config, { db: karina.db, dialect: karina.dialect, pool: karina.pool });
    await app.listen({ port: config.port, host: config.host });
    metrics = await app.listenMetrics();
  } catch (error) {
    await app?.close();
    await karina.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(
    ctx.stdout,
    `karina: ${config.service} service on http://${displayHost(config.host)}:${port} ` +
      `(OpenAPI UI at /docs, database ${karina.describe})`,
  );
  if (metrics)
    say(ctx.stdout, `karina: metrics on http://${displayHost(config.host)}:${metrics.port}/metrics`);
  return untilShutdown(app, karina, ctx, config);
}

/** Everything that must happen once before any worker serves: migrations, the admin, the demo. */
async function servePrimary(ctx: CliContext, workers: number): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  assertWorkersCanShare(config, workers);
  const karina = connectDatabase(config.dbUrl, { poolSize: 2 });
  let describe: string;
  try {
    const applied = await migrateToLatest(karina.db, karina.dialect);
    if (applied.length > 0)
      say(ctx.stdout, `karina: applied migrations ${applied.join(', ')} to ${karina.describe}`);
    await assertDemoStaysLocal(karina.db, config);
    await bootstrapAdmin(karina.db, config, ctx, Date.now());
    if (config.demo) await seedDemo(karina.db, karina.dialect, ctx, Date.now());
    describe = karina.describe;
  } finally {
    await karina.close();
  }
  say(ctx.stdout, `karina: primary ${process.pid} starting ${workers} worker(s)`);
  return runPrimary(
    ctx,
    workers,
    (port) =>
      `karina: ${config.service} service on http://${displayHost(config.host)}:${port} ` +
      `with ${workers} worker(s) (OpenAPI UI at /docs, database ${describe})`,
  );
}

/** One of the primary's workers: the database is ready, so it only serves. */
async function serveWorker(ctx: CliContext): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const karina = connectDatabase(config.dbUrl, { poolSize: config.dbPoolSize });
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(config, { db: karina.db, dialect: karina.dialect, pool: karina.pool });
    await app.listen({ port: config.port, host: config.host });
    // Workers share the port through the primary, as they share the public one: one scrape, one worker.
    await app.listenMetrics();
  } catch (error) {
    await app?.close();
    await karina.close();
    throw error;
  }
  return untilShutdown(app, karina, ctx, config);
}
