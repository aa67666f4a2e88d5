import type { Generated } from 'kysely';

export type SubjectType = 'major_required' | 'major_elective' | 'general';

export interface SubjectsTable {
  id: Generated<number>;
  code: string;
  name: string;
  department_id: number;
  credits: number;
  type: SubjectType;
  target_year: number | null;
  description: string | null;
  created_at: number;
}
