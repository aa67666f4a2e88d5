import type { AuditLogTable } from '@karina/db';
import type { Db } from '../../platform/transactions.js';

export interface AuditFilter {
  action?: string;
  actorRole?: AuditLogTable['actor_role'];
  actorId?: number;
  target?: string;
}

export async function listAudit(db: Db, filter: AuditFilter, page: { limit: number; offset: number }) {
  let base = db.selectFrom('audit_log');
  if (filter.action !== undefined) base = base.where('action', '=', filter.action);
  if (filter.actorRole !== undefined) base = base.where('actor_role', '=', filter.actorRole);
  if (filter.actorId !== undefined) base = base.where('actor_id', '=', filter.actorId);
  if (filter.target !== undefined) base = base.where('target', '=', filter.target);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
