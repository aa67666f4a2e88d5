export interface SessionsTable {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  role: 'admin' | 'student';
  admin_id: number | null;
  student_id: number | null;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}
