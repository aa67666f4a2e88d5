import { connectDatabase, migrateToLatest, redactDbUrl } from '@karina/db';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { ensureBootstrapAdmin } from '../src/platform/bootstrap.js';
import { withoutStatementText } from '../src/platform/error-handler.js';
import { createTestApp } from './support/app.js';

describe('bootstrap admin', () => {
  it('when no password is configured, a generated one is returned once, must be changed, and is audited', async () => {
    const karina = connectDatabase('sqlite::memory:');
    try {
      await migrateToLatest(karina.db, karina.dialect);
      const first = await ensureBootstrapAdmin(karina.db, undefined, 1);
      expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
      const again = await ensureBootstrapAdmin(karina.db, undefined, 2);
      expect(again).toEqual({ created: false });
      const admin = await karina.db.selectFrom('admins').selectAll().executeTakeFirstOrThrow();
      expect(admin.must_change_password).toBe(1);
      expect(admin.password_hash).not.toContain(first.generatedPassword);
      const audit = await karina.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'admin.bootstrap')
        .execute();
      expect(audit).toHaveLength(1);
    } finally {
      await karina.close();
    }
  });

  it('when KARINA_ADMIN_PASSWORD is set, it is used as is and need not be changed', async () => {
    const karina = connectDatabase('sqlite::memory:');
    try {
      await migrateToLatest(karina.db, karina.dialect);
      expect(await ensureBootstrapAdmin(karina.db, 'registrar-pass-2026', 1)).toEqual({ created: true });
      const admin = await karina.db.selectFrom('admins').selectAll().executeTakeFirstOrThrow();
      expect(admin.must_change_password).toBe(0);
    } finally {
      await karina.close();
    }
  });
});

describe('KARINA_TRUST_PROXY', () => {
  it('accepts off, a hop count or proxy addresses, and refuses "trust everyone"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KARINA_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ KARINA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ KARINA_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
    ]);
    expect(() => loadConfig({ KARINA_TRUST_PROXY: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig({ KARINA_TRUST_PROXY: 'true' })).toThrow(/hop count/);
  });

  it('refuses a bootstrap password without a digit', () => {
    expect(() => loadConfig({ KARINA_ADMIN_PASSWORD: 'only-letters-here' })).toThrow(/letter and a digit/);
  });
});

describe('secrets stay out of logs and the audit trail', () => {
  it('redacts a database password even when it contains "@" or has no user', () => {
    expect(redactDbUrl('mysql://karina:p@ss@w0rd@db:3306/k')).toBe('mysql://karina:***@db:3306/k');
    expect(redactDbUrl('mysql://:onlypass@db/k')).toBe('mysql://:***@db/k');
    expect(redactDbUrl('sqlite:./data/karina.db')).toBe('sqlite:./data/karina.db');
  });

  it('drops the statement text (with its values) that mysql2 attaches to errors, keeping message and code', () => {
    const error = Object.assign(new Error('Duplicate entry'), {
      code: 'ER_DUP_ENTRY',
      sql: "insert into admins values ('$argon2id$secret')",
    });
    const logged = withoutStatementText(error) as Record<string, unknown>;
    expect(logged.sql).toBeUndefined();
    expect(logged.code).toBe('ER_DUP_ENTRY');
    expect((logged as unknown as Error).message).toBe('Duplicate entry');
    expect(error.sql).toContain('secret');
  });

  it('when a login fails, the audit row never holds what was typed as the username', async () => {
    const t = await createTestApp('sqlite');
    try {
      await t.call('POST', '/student/api/auth/login', {
        body: { username: 'MyS3cret!Passw0rd', password: 'x' },
      });
      await t.call('POST', '/student/api/auth/login', {
        body: { username: 'admin', password: 'wrong-password-1' },
      });
      const rows = await t.karina.db
        .selectFrom('audit_log')
        .select(['target', 'outcome'])
        .where('action', '=', 'auth.login')
        .execute();
      expect(rows.map((r) => r.target)).toEqual(['user:unknown', expect.stringMatching(/^admin:\d+$/)]);
      expect(JSON.stringify(rows)).not.toContain('MyS3cret');
    } finally {
      await t.close();
    }
  });
});
