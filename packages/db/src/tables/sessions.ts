export interface SessionsTable {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  role: 'admin' | 'student';
  admin_id: number | null;
  student_id: number | null;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  /** Last request served, written at most once a minute; null counts from created_at. */
  last_seen_at: number | null;
}
