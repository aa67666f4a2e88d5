import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Config } from '../config.js';
import type { CliContext } from './io.js';
import { CliError, say } from './io.js';

/** The message a primary sends its workers to close gracefully (a signal might be their second). */
export const SHUTDOWN_MESSAGE = 'karina:shutdown';

/** A worker that lived this long was healthy; its death starts the back-off afresh. */
const HEALTHY_LIFETIME_MS = 10_000;
const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 30_000;
/** How long the primary waits for its workers after a signal before it kills them. */
const STOP_GRACE_MS = 30_000;

/** `--workers N`: 1-256, or 0 / auto for one per core. */
export function parseWorkers(raw: string): number {
  if (raw === 'auto' || raw === '0') return availableParallelism();
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > 256) {
    throw new CliError('--workers must be a number from 1 to 256, or 0 / auto for one per core', 2);
  }
  return Number(raw);
}

/**
 * Caches of periods and sections, sessions and the waiting room live in each process; with
 * several, only Redis keeps them one truth, so a registration role refuses to start without it.
 */
export function assertWorkersCanShare(config: Readonly<Config>, workers: number): void {
  if (workers <= 1 || config.service === 'student' || config.redisUrl) return;
  throw new CliError(
    `--workers ${workers} with KARINA_SERVICE=${config.service} needs KARINA_REDIS_URL: each worker ` +
      'keeps caches and the waiting room in memory, and only Redis makes them one for all workers',
  );
}

/** Back-off after a worker's death: doubles while workers die young, so a crash loop cannot spin. */
export function nextRestartDelay(previousMs: number, livedMs: number): number {
  if (livedMs >= HEALTHY_LIFETIME_MS) return FIRST_RESTART_DELAY_MS;
  return Math.min(MAX_RESTART_DELAY_MS, previousMs === 0 ? FIRST_RESTART_DELAY_MS : previousMs * 2);
}

/**
 * The primary's life once setup is done: forks the workers (each runs `karina serve` on the same
 * port; the primary hands them connections), replaces one that dies, and on SIGTERM/SIGINT asks
 * them all to finish their requests and exits when they have. A second signal kills them.
 */
export function runPrimary(
  ctx: CliContext,
  workers: number,
  describe: (port: number) => string,
): Promise<number> {
  return new Promise((resolve) => {
    const bornAt = new Map<number, number>();
    let delay = 0;
    let stopping = false;
    let failed = false;
    let announced = false;
    const listening = new Set<number>();
    let restartTimer: NodeJS.Timeout | undefined;

    function fork(): void {
      const worker = cluster.fork();
      bornAt.set(worker.id, Date.now());
    }

    cluster.on('listening', (worker: Worker, address) => {
      listening.add(worker.id);
      say(ctx.stdout, `karina: worker ${worker.process.pid} listening`);
      if (!announced && listening.size >= workers) {
        announced = true;
        say(ctx.stdout, describe(address.port));
      }
    });

    cluster.on('exit', (worker: Worker, code, signal) => {
      listening.delete(worker.id);
      const lived = Date.now() - (bornAt.get(worker.id) ?? Date.now());
      bornAt.delete(worker.id);
      if (stopping) {
        if (code !== 0) failed = true;
        if (bornAt.size === 0) finish();
        return;
      }
      delay = nextRestartDelay(delay, lived);
      say(
        ctx.stderr,
        `karina: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); ` +
          `starting another in ${delay} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!stopping) fork();
      }, delay);
    });

    let killTimer: NodeJS.Timeout | undefined;
    function finish(): void {
      if (killTimer) clearTimeout(killTimer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(failed ? 1 : 0);
    }

    function onSignal(signal: NodeJS.Signals): void {
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (stopping) {
        say(ctx.stderr, `karina: ${signal} again, killing the workers`);
        for (const w of alive) w.process.kill('SIGKILL');
        process.exit(130);
      }
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      say(ctx.stdout, `karina: ${signal}: stopping ${alive.length} worker(s) gracefully`);
      if (alive.length === 0) return finish();
      for (const w of alive) {
        if (w.isConnected()) w.send(SHUTDOWN_MESSAGE);
        else w.process.kill('SIGTERM');
      }
      killTimer = setTimeout(() => {
        failed = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      }, STOP_GRACE_MS);
      killTimer.unref();
    }
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);

    for (let i = 0; i < workers; i++) fork();
  });
}
