import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { connectDatabase } from '@karina/db';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { CliContext } from '../../src/cli/io.js';
import { ConfigError, loadConfig, testConfig } from '../../src/config.js';
import { createTestDatabaseUrl, testDatabaseKinds } from '../support/databases.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Captured {
  ctx: CliContext;
  out: () => string;
  err: () => string;
}

function capture(env: Record<string, string | undefined>): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { ctx: { env, stdout, stderr }, out: () => out, err: () => err };
}

function expectExit(res: { code: number; out: string; err: string }, code: number, text?: string): void {
  expect(res.code).toBe(code);
  if (text !== undefined) expect(code === 0 ? res.out : res.err).toContain(text);
}

async function karina(argv: string[], env: Record<string, string | undefined> = {}) {
  const { main } = await import('../../src/main.js');
  const io = capture(env);
  const code = await main(argv, io.ctx);
  return { code, out: io.out(), err: io.err() };
}

describe('loadConfig', () => {
  it('when several settings are wrong, one ConfigError names every bad key', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        KARINA_SERVICE: 'web',
        KARINA_DB_URL: 'postgres://x/y',
        KARINA_QUEUE: 'sometimes',
        KARINA_DEMO: 'perhaps',
        KARINA_ADMIN_PASSWORD: 'short',
        KARINA_TYPO: '1',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(7);
    for (const key of [
      'PORT',
      'KARINA_SERVICE',
      'KARINA_DB_URL',
      'KARINA_QUEUE',
      'KARINA_DEMO',
      'KARINA_ADMIN_PASSWORD',
      'KARINA_TYPO',
    ]) {
      expect((caught as ConfigError).message).toContain(key);
    }
  });

  it('when nothing is set, the defaults are the documented ones', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      service: 'all',
      dbUrl: 'sqlite:./data/karina.db',
      demo: true,
      rateLimit: true,
      queue: 'auto',
    });
    expect(loadConfig({ KARINA_DB_URL: 'mysql://u:p@h:3306/d' }).demo).toBe(false);
  });
});

describe('karina CLI', () => {
  it('when main.ts is imported, nothing runs: no signal handlers, no output', async () => {
    const before = process.listenerCount('SIGTERM');
    const mod = await import('../../src/main.js');
    expect(typeof mod.main).toBe('function');
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('when asked for help, every command explains itself and exits 0', async () => {
    const top = await karina(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/serve.*migrate.*seed.*admin create/s);
    for (const [argv, word] of [
      [['serve', '--help'], 'SIGTERM'],
      [['migrate', '--help'], 'migration'],
      [['seed', '--help'], '--tokens-out'],
      [['admin', 'create', '--help'], '--username'],
    ] as const) {
      const res = await karina([...argv]);
      expect(res.code).toBe(0);
      expect(res.out).toContain(word);
    }
  });

  it('when the command or an option is unknown, or a number is not one, it exits 2 and says why', async () => {
    expectExit(await karina(['frobnicate']), 2, 'unknown command');
    expectExit(await karina(['seed', '--colour']), 2, '--colour');
    expectExit(await karina(['seed', '--students', 'many']), 2, '--students must be a whole number');
    expectExit(await karina(['admin', 'delete']), 2, 'unknown admin command');
  });

  it('when the configuration is bad, the command exits 1 listing every bad key', async () => {
    const res = await karina(['migrate'], { PORT: 'x', KARINA_QUEUE: 'y' });
    expect(res.code).toBe(1);
    expect(res.err).toContain('PORT');
    expect(res.err).toContain('KARINA_QUEUE');
  });
});

describe.each(testDatabaseKinds())('karina CLI on $label', ({ name }) => {
  it('when seeding with --tokens-out, it writes a 0600 CSV of working tokens and refuses a second seed without --reset', async () => {
    const url = await createTestDatabaseUrl(name);
    const env = { KARINA_DB_URL: url, KARINA_LOG_LEVEL: 'silent' };
    const file = join(mkdtempSync(join(tmpdir(), 'karina-tokens-')), 'tokens.csv');

    const first = await karina(
      [
        'seed',
        '--students',
        '30',
        '--sections',
        '10',
        '--departments',
        '3',
        '--seed',
        '5',
        '--tokens-out',
        file,
      ],
      env,
    );
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/30 students/);
    const password = /<학번> \/ (\S+) — shown once/.exec(first.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('studentNo,token');
    expect(lines).toHaveLength(31);
    const [studentNo, token] = (lines[1] ?? '').split(',');
    expect(studentNo).toMatch(/^[0-9]{7}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const check = connectDatabase(url);
    const app = await buildApp(testConfig({ dbUrl: url }), { db: check.db, dialect: check.dialect });
    try {
      expect(
        await check.db.selectFrom('sessions').select('student_id').where('role', '=', 'student').execute(),
      ).toHaveLength(30);
      const me = await app.inject({
        method: 'GET',
        url: '/student/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ studentNo: string }>().studentNo).toBe(studentNo);
    } finally {
      await app.close();
      await check.close();
    }

    const again = await karina(['seed', '--students', '30', '--sections', '10', '--departments', '3'], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--reset');
    const reset = await karina(
      ['seed', '--students', '20', '--sections', '10', '--departments', '3', '--reset'],
      env,
    );
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/20 students/);
  });

  it('when an admin is created, even with KARINA_ADMIN_PASSWORD set, a generated password is printed once, works for login and must be changed; a duplicate is refused', async () => {
    const url = await createTestDatabaseUrl(name);
    const sharedSecret = 'deploy-secret-2026';
    const env = { KARINA_DB_URL: url, KARINA_ADMIN_PASSWORD: sharedSecret };
    const created = await karina(['admin', 'create', '--username', 'registrar', '--name', '학사팀'], env);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/╔═+╗\n║ admin: registrar \/ [A-Za-z0-9]{20} — shown once/);
    expect(created.out).not.toContain(sharedSecret);
    const password = /admin: registrar \/ ([A-Za-z0-9]{20}) — shown once/.exec(created.out)?.[1] ?? '';
    const dup = await karina(['admin', 'create', '--username', 'registrar'], env);
    expectExit(dup, 1, 'already exists');
    expectExit(await karina(['admin', 'create', '--username', '2601001'], env), 2, '--username');

    const check = connectDatabase(url);
    const app = await buildApp(testConfig({ dbUrl: url }), { db: check.db, dialect: check.dialect });
    try {
      const row = await check.db
        .selectFrom('admins')
        .select(['name', 'must_change_password'])
        .where('username', '=', 'registrar')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ name: '학사팀', must_change_password: 1 });
      const audit = await check.db.selectFrom('audit_log').select(['action', 'actor_role']).execute();
      expect(audit).toEqual([{ action: 'admin.create', actor_role: 'system' }]);

      const login = (pw: string) =>
        app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          payload: { username: 'registrar', password: pw },
        });
      const ok = await login(password);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        user: { username: 'registrar', role: 'admin', mustChangePassword: true },
      });
      expect((await login(sharedSecret)).statusCode).toBe(401);
    } finally {
      await app.close();
      await check.close();
    }
  });

  it('when migrate runs twice, the first applies 0001-init and the second finds nothing to do', async () => {
    const env = { KARINA_DB_URL: await createTestDatabaseUrl(name) };
    const first = await karina(['migrate'], env);
    expectExit(first, 0, 'applied 0001-init');
    expectExit(await karina(['migrate'], env), 0, 'already up to date');
  });
});

describe('karina serve as a process', () => {
  it('when started without a terminal, it writes the admin password to a 0600 file, seeds the demo, answers /healthz and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'karina-serve-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts'), 'serve'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.check.json'),
          PORT: '0',
          HOST: '127.0.0.1',
          KARINA_DB_URL: `sqlite:${join(dir, 'karina.db')}`,
          KARINA_LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 50_000;
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`serve did not start:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // stdout is a pipe here, as under a log collector: the password goes to a file, not the log.
      const passwordFile = join(dir, 'bootstrap-admin-password.txt');
      expect(out).toContain(`generated password written to ${passwordFile}`);
      expect(out).not.toMatch(/admin \/ [A-Za-z0-9]{20}/);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      const adminPassword = readFileSync(passwordFile, 'utf8').trim().split('\n')[1];
      expect(adminPassword).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(out).toMatch(/demo student login: .*karina-demo-2026/);
      const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/student/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: /e\.g\. ([0-9]{7})/.exec(out)?.[1], password: 'karina-demo-2026' }),
      });
      expect(login.status).toBe(200);
      const admin = await fetch(`http://127.0.0.1:${port}/student/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      expect(admin.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
