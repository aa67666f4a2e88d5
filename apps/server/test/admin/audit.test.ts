import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { createDepartment, expectError } from './fixtures.js';

interface AuditOut {
  id: number;
  actorRole: string;
  actorId: number | null;
  action: string;
  target: string;
  outcome: string;
  requestId: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

describe.each(testDatabaseKinds())('audit log on $label', ({ name }) => {
  let t: TestApp;
  let adminId: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    adminId = (await t.karina.db.selectFrom('admins').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const list = (qs = '') => t.call('GET', `/admin/api/audit${qs}`, { token: t.adminToken });

  it('when admins change things, each change is listed newest first with actor, request id and detail', async () => {
    const res = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: '감사학과' },
      headers: { 'x-request-id': 'req-audit-1' },
    });
    const dept = res.json<{ id: number; code: string }>();
    t.clock.advance(1000);
    await t.call('PATCH', `/admin/api/departments/${dept.id}`, {
      token: t.adminToken,
      body: { name: '감사학과2' },
    });
    const page = (await list(`?target=department:${dept.id}`)).json<{ items: AuditOut[]; total: number }>();
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.action)).toEqual(['department.update', 'department.create']);
    expect(page.items[1]).toEqual({
      id: expect.any(Number) as number,
      actorRole: 'admin',
      actorId: adminId,
      action: 'department.create',
      target: `department:${dept.id}`,
      outcome: 'ok',
      requestId: 'req-audit-1',
      detail: { code: dept.code, name: '감사학과' },
      at: new Date(t.clock.now() - 1000).toISOString(),
    });
  });

  it('when filtered by action, actor and paged, only matching rows come back with the full total', async () => {
    for (let i = 0; i < 3; i++) await createDepartment(t);
    const byAction = (await list('?action=department.create&pageSize=2')).json<{
      items: AuditOut[];
      total: number;
    }>();
    expect(byAction.items).toHaveLength(2);
    expect(byAction.items.every((i) => i.action === 'department.create')).toBe(true);
    const total = await t.karina.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'department.create')
      .executeTakeFirstOrThrow();
    expect(byAction.total).toBe(Number(total.n));
    const page2 = (await list('?action=department.create&pageSize=2&page=2')).json<{ items: AuditOut[] }>();
    expect(page2.items[0]?.id).toBeLessThan(byAction.items[1]?.id ?? 0);
    const byActor = (await list(`?actorRole=admin&actorId=${adminId}`)).json<{ total: number }>();
    expect(byActor.total).toBeGreaterThanOrEqual(5);
    expect((await list('?actorRole=student')).json()).toEqual({ items: [], total: 0 });
    const failedLogin = await t.call('POST', '/student/api/auth/login', {
      body: { username: 'nobody', password: 'wrong-pass-1' },
    });
    expect(failedLogin.statusCode).toBe(401);
    const anon = (await list('?actorRole=anonymous')).json<{ items: AuditOut[] }>();
    expect(anon.items[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'INVALID_CREDENTIALS',
      actorId: null,
      detail: null,
    });
  });

  it('when the query is bad, it is 400', async () => {
    expectError(await list('?actorRole=robot'), 400, 'VALIDATION_FAILED');
    expectError(await list('?pageSize=0'), 400, 'VALIDATION_FAILED');
    expectError(await list('?since=1'), 400, 'VALIDATION_FAILED');
  });
});
