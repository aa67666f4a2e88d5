/**
 * The server under test as a child process (`karina serve`, the production entry point), so the
 * benchmark can read its peak memory and CPU time from /proc, and so several of them can run
 * behind a load balancer.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForExit } from '../../apps/server/test/support/services.js';
import type { Cleanup } from './cleanup.js';

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface ServerUsage {
  /** Highest VmRSS sampled during the window, MiB. */
  peakRssMiB: number;
  /** utime + stime consumed during the window, seconds. */
  cpuSeconds: number;
  /** cpuSeconds / wall seconds: 1.0 = one core busy all the time. */
  cpuCores: number;
}

export interface UsageWindow {
  end(): ServerUsage;
}

export interface ServerProcess {
  origin: string;
  port: number;
  pid: number;
  /** Starts measuring; end() gives the peak RSS and CPU time since. */
  measure(): UsageWindow;
  /** VmHWM: the process's peak resident set since it started, MiB. */
  lifetimePeakRssMiB(): number;
  stop(): Promise<void>;
}

export interface ServerEnv {
  dbUrl: string;
  redisUrl?: string;
  service?: 'all' | 'sugang';
  queue?: 'off' | 'auto' | 'on';
  poolSize?: number;
}

function readStatus(pid: number): { rss: number; hwm: number } {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function readCpuSeconds(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; fields are counted after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function ready(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${origin}/readyz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1_000, () => req.destroy());
    req.end();
  });
}

/** Starts `karina serve` on a free loopback port and waits until /readyz answers 200. */
export async function startServerProcess(env: ServerEnv, cleanup: Cleanup): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    // The workspace package @karina/db from its sources (its dist/ is only built for production).
    TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.check.json'),
    HOST: '127.0.0.1',
    PORT: String(port),
    KARINA_DB_URL: env.dbUrl,
    KARINA_SERVICE: env.service ?? 'all',
    KARINA_QUEUE: env.queue ?? 'off',
    KARINA_RATE_LIMIT: 'off',
    KARINA_LOG_LEVEL: 'silent',
    KARINA_SHUTDOWN_DRAIN_MS: '0',
    KARINA_DEMO: 'off',
    KARINA_ADMIN_PASSWORD: 'Opening-Second-2026-bench',
    ...(env.redisUrl ? { KARINA_REDIS_URL: env.redisUrl } : {}),
    ...(env.poolSize ? { KARINA_DB_POOL: String(env.poolSize) } : {}),
  };
  // node --import tsx, not the tsx CLI: the CLI forks another node, whose pid /proc would need.
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each server process there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', MAIN, 'serve'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 10_000);
  };
  cleanup.add(`stop server process ${port}`, stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await ready(origin))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server process did not become ready (exit ${child.exitCode})\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid ?? 0;
  return {
    origin,
    port,
    pid,
    measure() {
      const startedAt = performance.now();
      const cpuAtStart = readCpuSeconds(pid);
      let peak = readStatus(pid).rss;
      const timer = setInterval(() => {
        peak = Math.max(peak, readStatus(pid).rss);
      }, 100);
      return {
        end() {
          clearInterval(timer);
          peak = Math.max(peak, readStatus(pid).rss);
          const cpuSeconds = readCpuSeconds(pid) - cpuAtStart;
          const wall = (performance.now() - startedAt) / 1000;
          return { peakRssMiB: peak, cpuSeconds, cpuCores: wall > 0 ? cpuSeconds / wall : 0 };
        },
      };
    },
    lifetimePeakRssMiB: () => readStatus(pid).hwm,
    stop,
  };
}
