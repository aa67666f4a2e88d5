import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { connectDatabase, migrateToLatest } from '@karina/db';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { CliContext } from '../../src/cli/io.js';
import { BOOTSTRAP_PASSWORD_FILE, bootstrapAdmin } from '../../src/cli/serve.js';
import { ConfigError, loadConfig, testConfig } from '../../src/config.js';
import { verifyPassword } from '../../src/platform/passwords.js';
import { DEMO_STUDENT_PASSWORD, seedUniversity } from '../../src/seed/seed.js';
import { createTestDatabaseUrl, testDatabaseKinds } from '../support/databases.js';

function capture(env: Record<string, string | undefined> = {}, tty = false) {
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const ctx: CliContext = { env, stdout, stderr };
  return { ctx, out: () => out, err: () => err };
}

async function karina(argv: string[], env: Record<string, string | undefined> = {}) {
  const { main } = await import('../../src/main.js');
  const io = capture(env);
  const code = await main(argv, io.ctx);
  return { code, out: io.out(), err: io.err() };
}

function sqliteUrl(): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'karina-defences-'));
  return { dir, url: `sqlite:${join(dir, 'karina.db')}` };
}

describe('KARINA_TRUST_PROXY ranges', () => {
  it('when a range would trust the whole internet, the configuration is refused naming it', () => {
    for (const wide of [
      '0.0.0.0/0',
      '::/0',
      '0.0.0.0',
      '::',
      '1.0.0.0/4',
      '::ffff:0:0/96',
      '10.0.0.0/8, 0.0.0.0/0',
    ]) {
      expect(() => loadConfig({ KARINA_TRUST_PROXY: wide }), wide).toThrow(/not the internet/);
    }
  });

  it('when the ranges are private networks or single proxies, they are accepted', () => {
    expect(loadConfig({ KARINA_TRUST_PROXY: '10.0.0.0/8,172.16.0.0/12' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
    ]);
    expect(loadConfig({ KARINA_TRUST_PROXY: 'fc00::/7' }).trustProxy).toEqual(['fc00::/7']);
    expect(loadConfig({ KARINA_TRUST_PROXY: '203.0.113.10' }).trustProxy).toEqual(['203.0.113.10']);
  });
});

describe('login defence settings', () => {
  it('when nothing is set, the idle timeout is 30 minutes, 20 failures per address, 2 hashes per core, demo not public', () => {
    const config = loadConfig({});
    expect(config.sessionIdleMs).toBe(30 * 60_000);
    expect(config.loginAddressFailures).toBe(20);
    expect(config.hashConcurrency).toBeGreaterThanOrEqual(2);
    expect(config.demoPublic).toBe(false);
  });

  it('when the new settings are out of range, each is named in the one error', () => {
    let caught: unknown;
    try {
      loadConfig({
        KARINA_SESSION_IDLE_MINUTES: '0',
        KARINA_LOGIN_ADDRESS_FAILURES: 'lots',
        KARINA_HASH_CONCURRENCY: '-1',
        KARINA_DEMO_PUBLIC: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    for (const key of [
      'KARINA_SESSION_IDLE_MINUTES',
      'KARINA_LOGIN_ADDRESS_FAILURES',
      'KARINA_HASH_CONCURRENCY',
      'KARINA_DEMO_PUBLIC',
    ]) {
      expect(message).toContain(key);
    }
  });
});

describe('the demo password stays on loopback', () => {
  it('when the demo is on and HOST is not set, Karina binds localhost; without the demo it binds every address', () => {
    expect(loadConfig({}).host).toBe('localhost');
    expect(loadConfig({ KARINA_DEMO: 'off' }).host).toBe('0.0.0.0');
    expect(loadConfig({ KARINA_DB_URL: 'mysql://u:p@db:3306/k' }).host).toBe('0.0.0.0');
  });

  it('when the demo is on and HOST is public, the configuration is refused unless KARINA_DEMO_PUBLIC=on', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/KARINA_DEMO_PUBLIC=on/);
    expect(() => loadConfig({ KARINA_DEMO: 'on', HOST: '192.0.2.5' })).toThrow(ConfigError);
    expect(loadConfig({ HOST: '0.0.0.0', KARINA_DEMO_PUBLIC: 'on' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('when demo students from an earlier start are in the database, serve refuses a public HOST even with KARINA_DEMO off', async () => {
    const { url } = sqliteUrl();
    const db = connectDatabase(url);
    try {
      await migrateToLatest(db.db, db.dialect);
      await seedUniversity(db.db, db.dialect, {
        students: 20,
        sections: 5,
        departments: 2,
        seed: 3,
        now: Date.now(),
        studentPassword: DEMO_STUDENT_PASSWORD,
        ifNotEmpty: 'fail',
      });
    } finally {
      await db.close();
    }
    const env = {
      KARINA_DB_URL: url,
      KARINA_DEMO: 'off',
      HOST: '0.0.0.0',
      PORT: '0',
      KARINA_ADMIN_PASSWORD: 'operator-chosen-2026',
      KARINA_LOG_LEVEL: 'silent',
    };
    const res = await karina(['serve'], env);
    expect(res.code).toBe(1);
    expect(res.err).toContain(DEMO_STUDENT_PASSWORD);
    expect(res.err).toContain('KARINA_DEMO_PUBLIC=on');
  });
});

describe('bootstrap admin password', () => {
  async function freshDb() {
    const { dir, url } = sqliteUrl();
    const db = connectDatabase(url);
    await migrateToLatest(db.db, db.dialect);
    return { dir, url, db };
  }

  it('when stdout is not a terminal, the generated password goes to a 0600 file beside the database and only its path is printed', async () => {
    const { dir, url, db } = await freshDb();
    try {
      const io = capture();
      await bootstrapAdmin(db.db, testConfig({ dbUrl: url, adminPassword: undefined }), io.ctx, Date.now());
      const path = join(dir, BOOTSTRAP_PASSWORD_FILE);
      expect(io.out()).toContain(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const [user, password] = readFileSync(path, 'utf8').trim().split('\n');
      expect(user).toBe('admin');
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(io.out()).not.toContain(password);
      const row = await db.db.selectFrom('admins').select('password_hash').executeTakeFirstOrThrow();
      expect(await verifyPassword(row.password_hash, password ?? '')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('when stdout is a terminal, the password is shown there once and no file is written', async () => {
    const { dir, url, db } = await freshDb();
    try {
      const io = capture({}, true);
      await bootstrapAdmin(db.db, testConfig({ dbUrl: url, adminPassword: undefined }), io.ctx, Date.now());
      expect(io.out()).toMatch(/bootstrap admin: admin \/ [A-Za-z0-9]{20} — shown once/);
      expect(() => statSync(join(dir, BOOTSTRAP_PASSWORD_FILE))).toThrow();
    } finally {
      await db.close();
    }
  });
});

describe('SQLite file modes', () => {
  it('when the database folder and file are new, the folder is 0700 and the file 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'karina-modes-'));
    const dir = join(parent, 'data');
    const file = join(dir, 'karina.db');
    const db = connectDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(db.db, db.dialect);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});

describe.each(testDatabaseKinds())('karina admin disable and enable on $label', ({ name }) => {
  it('when an admin is disabled, their sessions end at once and login is refused; enabled, the same password works again', async () => {
    const url = await createTestDatabaseUrl(name);
    const env = { KARINA_DB_URL: url, KARINA_LOG_LEVEL: 'silent' };
    const created = await karina(['admin', 'create', '--username', 'registrar'], env);
    expect(created.code).toBe(0);
    const password = /admin: registrar \/ ([A-Za-z0-9]{20})/.exec(created.out)?.[1] ?? '';

    const check = connectDatabase(url);
    const app = await buildApp(testConfig({ dbUrl: url }), { db: check.db, dialect: check.dialect });
    try {
      const login = (pw: string) =>
        app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          payload: { username: 'registrar', password: pw },
        });
      const first = await login(password);
      expect(first.statusCode).toBe(200);
      const token = first.json<{ token: string }>().token;
      const me = () =>
        app.inject({ method: 'GET', url: '/student/api/me', headers: { authorization: `Bearer ${token}` } });
      expect((await me()).statusCode).toBe(200);

      const disabled = await karina(['admin', 'disable', '--username', 'registrar'], env);
      expect(disabled.code).toBe(0);
      expect(disabled.out).toContain('1 session(s) ended');
      expect((await me()).statusCode).toBe(401);
      const refused = await login(password);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
      expect((await login('wrong-password-1')).statusCode, 'a guesser learns nothing').toBe(401);
      expect(await check.db.selectFrom('sessions').selectAll().where('role', '=', 'admin').execute()).toEqual(
        [],
      );

      const enabled = await karina(['admin', 'enable', '--username', 'registrar'], env);
      expect(enabled.code).toBe(0);
      expect((await login(password)).statusCode).toBe(200);

      const audit = await check.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['admin.disable', 'admin.enable'])
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['admin.disable', 'admin.enable']);
    } finally {
      await app.close();
      await check.close();
    }
    const unknown = await karina(['admin', 'disable', '--username', 'nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no admin is named "nobody"');
    expect((await karina(['admin', 'disable'], env)).code).toBe(2);
  });

  it('when a disabled admin still has a session row (written around the disable), it does not authenticate', async () => {
    const url = await createTestDatabaseUrl(name);
    const check = connectDatabase(url);
    try {
      await migrateToLatest(check.db, check.dialect);
      const { createSession } = await import('../../src/platform/sessions.js');
      const inserted = await check.db
        .insertInto('admins')
        .values({
          username: 'late',
          name: 'late',
          password_hash: 'x',
          must_change_password: 0,
          created_at: 1,
          disabled: 1,
        })
        .executeTakeFirstOrThrow();
      const { token } = await createSession(check.db, {
        role: 'admin',
        userId: Number(inserted.insertId),
        now: Date.now(),
        ttlMs: 3_600_000,
      });
      const app = await buildApp(testConfig({ dbUrl: url }), { db: check.db, dialect: check.dialect });
      try {
        const res = await app.inject({
          method: 'GET',
          url: '/student/api/me',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    } finally {
      await check.close();
    }
  });
});
