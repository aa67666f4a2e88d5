import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';

describe.each(testDatabaseKinds())('auth on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());

  it('when the admin logs in with the right password, a token works and logout ends it', async () => {
    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'admin', password: t.config.adminPassword },
    });
    expect(login.statusCode).toBe(200);
    const { token, user } = login.json<{ token: string; user: { role: string; username: string } }>();
    expect(user).toMatchObject({ role: 'admin', username: 'admin' });
    expect((await t.call('GET', '/student/api/me', { token })).statusCode).toBe(200);
    expect((await t.call('POST', '/student/api/auth/logout', { token })).statusCode).toBe(204);
    const after = await t.call('GET', '/student/api/me', { token });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('when the password is wrong, login answers 401 INVALID_CREDENTIALS', async () => {
    const res = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'admin', password: 'nope-nope-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('when the body has an unknown field or is malformed JSON, the answer is 400 with a stable code', async () => {
    const extra = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'a', password: 'b', x: 1 },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/student/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });
});
