import type { Actor } from './actor.js';
import { afterCommit } from './transactions.js';
import type { Db, Trx } from './transactions.js';

export interface AuditEntry {
  action: string;
  target: string;
  outcome?: string;
  detail?: Record<string, unknown>;
}

/** An audit entry as it was stored, told to the app's sink once its transaction committed. */
export interface CommittedAudit {
  id: number;
  action: string;
  target: string;
  outcome: string;
  actorRole: Actor['role'];
  actorId: number | null;
  requestId: string | null;
}

export type AuditSink = (entries: readonly CommittedAudit[]) => void;

/** Keyed by the app's database handle, so apps built side by side in one process each hear their own. */
const sinks = new WeakMap<Db, AuditSink>();

/** The app (app.ts) logs and counts every committed audit entry here. */
export function setAuditSink(db: Db, sink: AuditSink): void {
  sinks.set(db, sink);
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

type AuditRow = ReturnType<typeof auditRow>;

/**
 * Inserts the rows and tells the sink about them: at once outside a transaction, after the commit
 * inside one (platform/transactions.ts), so a rolled-back or retried transaction is never reported.
 */
async function insertAudits(trx: Trx | Db, rows: AuditRow[]): Promise<void> {
  // Run as compiled: Kysely drops RETURNING's rows on MySQL dialects, yet MariaDB (10.5+) returns them.
  const inserted = (
    await trx.executeQuery(trx.insertInto('audit_log').values(rows).returning('id').compile())
  ).rows;
  const committed = rows.map((row, i): CommittedAudit => ({
    id: Number(inserted[i]?.id),
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    actorRole: row.actor_role,
    actorId: row.actor_id,
    requestId: row.request_id,
  }));
  if (trx.isTransaction) {
    afterCommit(trx as Trx, (db) => sinks.get(db)?.(committed));
  } else {
    sinks.get(trx)?.(committed);
  }
}

/** Written inside the transaction of the change it records, so the log never disagrees with the data. */
export async function writeAudit(trx: Trx | Db, actor: Actor, entry: AuditEntry, at: number): Promise<void> {
  await insertAudits(trx, [auditRow(actor, entry, at)]);
}

/** Several entries in one statement (a group commit's registrations), in the order given. */
export async function writeAudits(
  trx: Trx | Db,
  entries: readonly { actor: Actor; entry: AuditEntry; at: number }[],
): Promise<void> {
  if (entries.length === 0) return;
  await insertAudits(
    trx,
    entries.map((e) => auditRow(e.actor, e.entry, e.at)),
  );
}
