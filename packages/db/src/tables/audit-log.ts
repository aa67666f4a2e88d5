import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  actor_role: 'admin' | 'student' | 'system' | 'anonymous';
  actor_id: number | null;
  action: string;
  target: string;
  outcome: string;
  request_id: string | null;
  detail: string | null;
  at: number;
}
