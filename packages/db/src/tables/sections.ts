import type { Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  subject_id: number;
  /** NULL means 교수 미정 (to be announced), e.g. after the professor was deleted. */
  professor_id: number | null;
  /** 분반 number within the subject, 1-based. */
  number: number;
  capacity: number;
  /** Seats taken; always equal to the number of enrollment rows of the section. */
  taken: number;
  created_at: number;
}
