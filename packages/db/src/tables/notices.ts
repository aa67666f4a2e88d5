import type { Generated } from 'kysely';

/** 수강신청 안내 / 유의사항: registrar notices for every student, not tied to a department. */
export interface NoticesTable {
  id: Generated<number>;
  title: string;
  body: string;
  /** 1 keeps the notice above the others (a schedule, a rule change); 0 otherwise. */
  pinned: number;
  created_at: number;
  updated_at: number;
}
