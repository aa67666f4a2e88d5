import type { Generated } from 'kysely';

export interface WaitlistEntriesTable {
  /** Increasing id gives the queue order within a section. */
  id: Generated<number>;
  student_id: number;
  section_id: number;
  created_at: number;
}
