import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, freePort, waitForExit } from './services.js';

export interface Backend {
  name: string;
  /** 127.0.0.1:<port> */
  address: string;
}

export interface RunningHaproxy {
  /** http://127.0.0.1:<port>, the balanced front end. */
  url: string;
  /** Requests each backend server answered so far, from haproxy's own stats (CSV). */
  served(): Promise<Record<string, number>>;
  /** Resolves once haproxy's health checks say the backend is in this state (UP, DOWN, ...). */
  waitForStatus(name: string, status: string, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export function haproxyInstalled(): boolean {
  return findBinary('haproxy') !== undefined;
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(2_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/**
 * A private haproxy on a free loopback port, round-robin over the given backends, each
 * health-checked on GET /readyz. Runs in the foreground (-db) with its config in a temp dir, so
 * stop() (or the parent dying) leaves nothing behind. Resolves once every backend is UP.
 */
export async function startHaproxy(
  backends: Backend[],
  options: { maxconn?: number } = {},
): Promise<RunningHaproxy> {
  const binary = findBinary('haproxy');
  if (!binary) throw new Error('haproxy not found (apt-get install haproxy)');
  const dir = mkdtempSync(join(tmpdir(), 'karina-haproxy-'));
  const port = await freePort();
  const statsPort = await freePort();
  const maxconn = options.maxconn ?? 4096;
  const config = [
    'global',
    `  maxconn ${maxconn * 2}`,
    '  nbthread 1',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 60s',
    '  option http-keep-alive',
    'frontend karina',
    `  bind 127.0.0.1:${port}`,
    `  maxconn ${maxconn}`,
    '  default_backend registration',
    'backend registration',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    ...backends.map(
      (b) => `  server ${b.name} ${b.address} check inter 500ms fall 2 rise 1 maxconn ${maxconn}`,
    ),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
  const configPath = join(dir, 'haproxy.cfg');
  writeFileSync(configPath, config);
  const child = spawn(binary, ['-db', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });

  const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`;
  const rows = async () => {
    const { body } = await get(statsUrl);
    const [header, ...lines] = body.replace(/^# /, '').trim().split('\n');
    const columns = (header ?? '').split(',');
    return lines.map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 5_000);
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const servers = (await rows()).filter((r) => r.pxname === 'registration' && r.svname !== 'BACKEND');
      if (servers.length === backends.length && servers.every((r) => r.status === 'UP')) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const written = readFileSync(configPath, 'utf8');
      await stop();
      throw new Error(`haproxy did not bring every backend UP within 20 s\n${stderr}\n${written}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    async served() {
      const servers = (await rows()).filter((r) => r.pxname === 'registration' && r.svname !== 'BACKEND');
      return Object.fromEntries(servers.map((r) => [r.svname ?? '', Number(r.stot ?? 0)]));
    },
    async waitForStatus(name, status, ms = 20_000) {
      const until = Date.now() + ms;
      let last = '';
      while (Date.now() < until) {
        const row = (await rows()).find((r) => r.pxname === 'registration' && r.svname === name);
        last = row?.status ?? '';
        if (last === status) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`haproxy: ${name} still ${last}, not ${status}, after ${ms} ms\n${stderr}`);
    },
    stop,
  };
}
