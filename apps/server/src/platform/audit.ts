import type { Actor } from './actor.js';
import type { Db, Trx } from './transactions.js';

export interface AuditEntry {
  action: string;
  target: string;
  outcome?: string;
  detail?: Record<string, unknown>;
}

/** Written inside the transaction of the change it records, so the log never disagrees with the data. */
export async function writeAudit(trx: Trx | Db, actor: Actor, entry: AuditEntry, at: number): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_role: actor.role,
      actor_id: actor.id,
      action: entry.action,
      target: entry.target,
      outcome: entry.outcome ?? 'ok',
      request_id: actor.requestId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      at,
    })
    .execute();
}
