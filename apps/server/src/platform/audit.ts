import type { Actor } from './actor.js';
import type { Db, Trx } from './transactions.js';

export interface AuditEntry {
  action: string;
  target: string;
  outcome?: string;
  detail?: Record<string, unknown>;
}

function auditRow(actor: Actor, entry: AuditEntry, at: number) {
  return {
    actor_role: actor.role,
    actor_id: actor.id,
    action: entry.action,
    target: entry.target,
    outcome: entry.outcome ?? 'ok',
    request_id: actor.requestId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    at,
  };
}

/** Written inside the transaction of the change it records, so the log never disagrees with the data. */
export async function writeAudit(trx: Trx | Db, actor: Actor, entry: AuditEntry, at: number): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(auditRow(actor, entry, at))
    .execute();
}

/** Several entries in one statement (a group commit's registrations), in the order given. */
export async function writeAudits(
  trx: Trx | Db,
  entries: readonly { actor: Actor; entry: AuditEntry; at: number }[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(entries.map((e) => auditRow(e.actor, e.entry, e.at)))
    .execute();
}
