import type { Generated } from 'kysely';

export interface StudentsTable {
  id: Generated<number>;
  /** 학번: YY (entry year) + DD (department code) + NNN; unique and never reused. */
  student_no: string;
  name: string;
  department_id: number;
  entry_year: number;
  year: number;
  tel: string | null;
  email: string | null;
  birth_date: string | null;
  postcode: string | null;
  address1: string | null;
  address2: string | null;
  password_hash: string;
  must_change_password: number;
  created_at: number;
}
