import type { Generated } from 'kysely';

export interface EnrollmentsTable {
  id: Generated<number>;
  student_id: number;
  section_id: number;
  /** Copied from the section so (student_id, subject_id) can be unique: one section per subject. */
  subject_id: number;
  credits: number;
  created_at: number;
}
