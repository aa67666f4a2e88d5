import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { freePort } from './support/services.js';

describe.each(testDatabaseKinds())('health and readiness ($label)', ({ name: kind }) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is ready when the database answers and has every migration of this build', async () => {
    t = await createTestApp(kind);
    const res = await t.call('GET', '/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', service: 'all' });
    expect((await t.call('GET', '/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('is not ready while a migration of this build is missing, and says to migrate', async () => {
    t = await createTestApp(kind);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name desc`.execute(
      t.karina.db,
    );
    const last = applied.rows[0]?.name ?? '';
    await sql`delete from kysely_migration where name = ${last}`.execute(t.karina.db);
    const res = await t.call('GET', '/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('NOT_READY');
    expect(body.error.message).toMatch(/migrations are behind/);
    // Liveness says nothing about the schema: a pod is not restarted for it.
    expect((await t.call('GET', '/healthz')).statusCode).toBe(200);
  });

  it('once draining, /readyz is 503 at once while requests are still served, each asking to close its connection', async () => {
    t = await createTestApp(kind);
    expect((await t.call('GET', '/sugang/api/time')).headers.connection).not.toBe('close');
    t.app.startDraining();
    expect(t.app.draining).toBe(true);
    const ready = await t.call('GET', '/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: { code: 'NOT_READY', message: 'shutting down' } });
    const served = await t.call('GET', '/sugang/api/time');
    expect(served.statusCode).toBe(200);
    expect(served.headers.connection).toBe('close');
    expect((await t.call('GET', '/healthz')).statusCode).toBe(200);
  });
});

describe('readiness with Redis configured', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is not ready while Redis does not answer', async () => {
    // A port nothing listens on: the bus never connects.
    t = await createTestApp('sqlite', { redisUrl: `redis://127.0.0.1:${await freePort()}` });
    const res = await t.call('GET', '/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_READY', message: 'Redis unreachable' } });
  });
});
