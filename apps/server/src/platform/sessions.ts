import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './transactions.js';

export interface Session {
  tokenHash: string;
  role: 'admin' | 'student';
  /** The admin's or the student's id, by role. */
  userId: number;
  username: string;
  name: string;
  mustChangePassword: boolean;
  csrfToken: string;
  expiresAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { role: 'admin' | 'student'; userId: number; now: number; ttlMs: number },
): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = input.now + input.ttlMs;
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      role: input.role,
      admin_id: input.role === 'admin' ? input.userId : null,
      student_id: input.role === 'student' ? input.userId : null,
      csrf_token: csrfToken,
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** One query: the session joined to its user; a deleted user's sessions are gone by cascade. */
export async function findSession(db: Db, token: string, now: number): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('students as st', 'st.id', 's.student_id')
    .leftJoin('admins as a', 'a.id', 's.admin_id')
    .select([
      's.token_hash',
      's.role',
      's.admin_id',
      's.student_id',
      's.csrf_token',
      's.expires_at',
      'st.student_no',
      'st.name as student_name',
      'st.must_change_password as student_mcp',
      'a.username',
      'a.name as admin_name',
      'a.must_change_password as admin_mcp',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.role === 'student' && row.student_id !== null && row.student_no !== null) {
    return {
      tokenHash: row.token_hash,
      role: 'student',
      userId: row.student_id,
      username: row.student_no,
      name: row.student_name ?? '',
      mustChangePassword: row.student_mcp === 1,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    };
  }
  if (row.role === 'admin' && row.admin_id !== null && row.username !== null) {
    return {
      tokenHash: row.token_hash,
      role: 'admin',
      userId: row.admin_id,
      username: row.username,
      name: row.admin_name ?? '',
      mustChangePassword: row.admin_mcp === 1,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    };
  }
  return undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
