import type { Generated } from 'kysely';

export interface DepartmentsTable {
  id: Generated<number>;
  /** Two digits; the DD of every 학번 issued in this department. */
  code: string;
  name: string;
  created_at: number;
}
