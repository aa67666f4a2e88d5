import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** Where a binary lives, or undefined; tests start their own private servers from these. */
export function findBinary(name: string): string | undefined {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    const r = spawnSync('test', ['-x', join(dir, name)]);
    if (r.status === 0) return join(dir, name);
  }
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export function servicesRequired(): boolean {
  return process.env.KARINA_REQUIRE_SERVICES === '1';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** Waits for the child to exit, killing it after ms. */
export function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A private MariaDB: its own data directory under the temp dir, its own port on 127.0.0.1,
 * started here and stopped by stop(). Never touches a system MariaDB.
 */
export async function startPrivateMariaDb(): Promise<RunningService> {
  const installDb = findBinary('mariadb-install-db');
  const mariadbd = findBinary('mariadbd');
  if (!installDb || !mariadbd) throw new Error('mariadb-install-db / mariadbd not found');
  const dir = mkdtempSync(join(tmpdir(), 'karina-mariadb-'));
  const datadir = join(dir, 'data');
  // Its own temp dir: in the shared /tmp, another program's cleanup can delete the files of an
  // internal temporary table mid-query (seen in CI as "Error on delete of '/tmp/#sql-temptable…'").
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const init = spawnSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${join(dir, 'sock')}`,
      `--tmpdir=${tmp}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=256M',
      '--innodb-flush-log-at-trx-commit=2',
      '--max-connections=500',
      `--log-error=${join(dir, 'error.log')}`,
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root' });
      await conn.query("CREATE USER IF NOT EXISTS 'karina'@'127.0.0.1' IDENTIFIED BY 'karina-test'");
      await conn.query("GRANT ALL PRIVILEGES ON *.* TO 'karina'@'127.0.0.1'");
      await conn.end();
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
        const log = spawnSync('tail', ['-n', '20', join(dir, 'error.log')], { encoding: 'utf8' }).stdout;
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`private mariadbd did not start: ${String(error)}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url: `mysql://karina:karina-test@127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child, 20_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A private redis-server: its own port on 127.0.0.1, no persistence (--save '' --appendonly no),
 * started here and stopped by stop(). Never touches a system Redis.
 */
export async function startPrivateRedis(): Promise<RunningService> {
  const redisServer = findBinary('redis-server');
  if (!redisServer) throw new Error('redis-server not found');
  const dir = mkdtempSync(join(tmpdir(), 'karina-redis-'));
  const port = await freePort();
  const child = spawn(
    redisServer,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--logfile',
      join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (await answersPing(port)) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
      const log = spawnSync('tail', ['-n', '20', join(dir, 'redis.log')], { encoding: 'utf8' }).stdout;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`private redis-server did not start\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child, 10_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One PING over a raw socket, so the check needs no client library. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => done(data.toString().startsWith('+PONG')));
  });
}
