import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/platform/audit.js';
import { inTransaction } from '../src/platform/transactions.js';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { testDatabaseKinds } from './support/databases.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from './support/fixtures.js';

interface AuditLine {
  msg: string;
  reqId?: string;
  audit?: {
    id: number;
    action: string;
    target: string;
    outcome: string;
    actorRole: string;
    actorId: number | null;
  };
}

const HOUR = 3_600_000;

describe.each(testDatabaseKinds())('audit events in the log on $label', ({ name }) => {
  let t: TestApp;
  const captured: string[] = [];
  const auditLines = () =>
    captured
      .join('')
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as AuditLine)
      .filter((l) => l.msg === 'audit');
  let dept: number;

  beforeAll(async () => {
    t = await createTestApp(name, { logLevel: 'info' }, undefined, {
      logStream: { write: (line: string) => void captured.push(line) },
    });
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + HOUR });
  });
  afterAll(async () => t?.close());

  it('logs each committed change once, with its audit entry id, action, actor and the request id', async () => {
    const [a, b] = await makeStudents(t.karina.db, dept, 2);
    const [ta, tb] = await Promise.all([t.tokenFor('student', a!), t.tokenFor('student', b!)]);
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), { capacity: 1 });
    captured.length = 0;

    const register = await t.call('POST', '/sugang/api/enrollments', {
      token: ta,
      body: { sectionId: section },
      headers: { 'x-request-id': 'audit-trail-1' },
    });
    expect(register.statusCode).toBe(201);
    expect(
      (await t.call('POST', '/sugang/api/waitlist', { token: tb, body: { sectionId: section } })).statusCode,
    ).toBe(201);
    const drop = await t.call('DELETE', `/sugang/api/enrollments/${section}`, { token: ta });
    expect(drop.statusCode).toBe(204);

    const rows = await t.karina.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'target', 'outcome', 'actor_role', 'actor_id', 'request_id'])
      .where('action', 'in', [
        'enrollment.register',
        'waitlist.join',
        'enrollment.drop',
        'enrollment.promote',
      ])
      .where('target', 'like', `%${section}%`)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'enrollment.register',
      'waitlist.join',
      'enrollment.drop',
      'enrollment.promote',
    ]);
    const logged = auditLines().filter((l) => rows.some((r) => r.id === l.audit?.id));
    expect(logged.map((l) => l.audit)).toEqual(
      rows.map((r) => ({
        id: r.id,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        actorRole: r.actor_role,
        actorId: r.actor_id,
      })),
    );
    expect(logged.map((l) => l.reqId)).toEqual(rows.map((r) => r.request_id ?? undefined));
    expect(logged[0]?.reqId).toBe('audit-trail-1');
    expect(logged[2]?.reqId).toBe(drop.headers['x-request-id']);
  });

  it('logs nothing for a transaction that rolled back, and once for one that was retried after a deadlock', async () => {
    const actor = { role: 'system' as const, id: null, requestId: 'rolled-back-1' };
    captured.length = 0;
    await expect(
      inTransaction(t.karina.db, async (trx) => {
        await writeAudit(trx, actor, { action: 'seed.reset', target: 'test:rollback' }, t.clock.now());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(auditLines()).toEqual([]);

    const retriesBefore = await retries();
    let attempts = 0;
    await inTransaction(t.karina.db, async (trx) => {
      attempts++;
      await writeAudit(
        trx,
        { ...actor, requestId: 'retried-1' },
        { action: 'seed.reset', target: 'test:retry' },
        t.clock.now(),
      );
      if (attempts === 1)
        throw Object.assign(new Error('Deadlock found'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
    });
    expect(attempts).toBe(2);
    const lines = auditLines();
    expect(lines.map((l) => [l.reqId, l.audit?.target])).toEqual([['retried-1', 'test:retry']]);
    const stored = await t.karina.db
      .selectFrom('audit_log')
      .select('id')
      .where('target', 'in', ['test:rollback', 'test:retry'])
      .execute();
    expect(stored.map((r) => r.id)).toEqual([lines[0]?.audit?.id]);
    expect((await retries()) - retriesBefore).toBe(1);
  });

  async function retries(): Promise<number> {
    const text = (await t.call('GET', '/metrics')).body;
    const line = text.split('\n').find((l) => l.startsWith('karina_db_transaction_retries_total'));
    return Number(line?.split(' ').pop());
  }
});
