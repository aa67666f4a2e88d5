import type { Selectable } from 'kysely';
import type { AuditLogTable } from '@karina/db';
import type { AppDeps } from '../../platform/deps.js';
import type { AuditItem, AuditPage, AuditQuery } from './audit.schema.js';
import { listAudit } from './audit.repository.js';

function parseDetail(raw: string | null): Record<string, unknown> | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text: raw };
  }
}

function auditRowToItem(row: Selectable<AuditLogTable>): AuditItem {
  return {
    id: row.id,
    actorRole: row.actor_role,
    actorId: row.actor_id,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    requestId: row.request_id,
    detail: parseDetail(row.detail),
    at: new Date(Number(row.at)).toISOString(),
  };
}

export function createAuditService(deps: AppDeps) {
  const { db } = deps;

  /** Newest first; ids grow with time, and one transaction's entries keep their order. */
  async function list(query: AuditQuery): Promise<AuditPage> {
    const { rows, total } = await listAudit(
      db,
      { action: query.action, actorRole: query.actorRole, actorId: query.actorId, target: query.target },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(auditRowToItem), total };
  }

  return { list };
}
