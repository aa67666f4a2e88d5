import type { Generated } from 'kysely';

export interface PostsTable {
  id: Generated<number>;
  department_id: number;
  author_admin_id: number | null;
  title: string;
  body: string;
  created_at: number;
  updated_at: number;
}
