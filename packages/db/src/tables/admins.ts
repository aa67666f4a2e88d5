import type { Generated } from 'kysely';

export interface AdminsTable {
  id: Generated<number>;
  username: string;
  name: string;
  password_hash: string;
  must_change_password: number;
  created_at: number;
  /** 1: login refused and sessions ended (`karina admin disable`). */
  disabled: Generated<number>;
}
