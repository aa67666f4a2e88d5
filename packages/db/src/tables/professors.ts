import type { Generated } from 'kysely';

export interface ProfessorsTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  created_at: number;
}
