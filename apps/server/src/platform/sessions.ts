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
  /** Last request served (or the login time), for the idle timeout. */
  lastSeenAt: number;
}

/**
 * Touching last_seen_at on every request would add a write to every registration click; once a
 * minute per session is precise enough for a timeout measured in tens of minutes.
 */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

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
      last_seen_at: input.now,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * One query: the session joined to its user; a deleted user's sessions are gone by cascade, a
 * disabled admin's are refused even if one survived, and a session idle for idleMs has ended.
 */
export async function findSession(
  db: Db,
  token: string,
  now: number,
  idleMs: number,
  /** A last-seen time known to this process and not yet written. */
  seenAt?: number,
): Promise<Session | undefined> {
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
      's.created_at',
      's.last_seen_at',
      'st.student_no',
      'st.name as student_name',
      'st.must_change_password as student_mcp',
      'a.username',
      'a.name as admin_name',
      'a.must_change_password as admin_mcp',
      'a.disabled as admin_disabled',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const lastSeenAt = Math.max(row.last_seen_at ?? row.created_at, seenAt ?? 0);
  if (now - lastSeenAt >= idleMs) return undefined;
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
      lastSeenAt,
    };
  }
  if (row.role === 'admin' && row.admin_id !== null && row.username !== null && row.admin_disabled === 0) {
    return {
      tokenHash: row.token_hash,
      role: 'admin',
      userId: row.admin_id,
      username: row.username,
      name: row.admin_name ?? '',
      mustChangePassword: row.admin_mcp === 1,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      lastSeenAt,
    };
  }
  return undefined;
}

/** Records that the session is in use, at most once per LAST_SEEN_WRITE_INTERVAL_MS; true if it wrote. */
export async function touchSession(db: Db, session: Session, now: number): Promise<boolean> {
  if (now - session.lastSeenAt < LAST_SEEN_WRITE_INTERVAL_MS) return false;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', session.tokenHash)
    .execute();
  return true;
}

/** Batched last-seen write for sessions served at `seenAt`; never moves a time backwards. */
export async function writeLastSeen(db: Db, tokenHashes: readonly string[], seenAt: number): Promise<void> {
  for (let i = 0; i < tokenHashes.length; i += 500) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: seenAt })
      .where('token_hash', 'in', tokenHashes.slice(i, i + 500))
      .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', seenAt)]))
      .execute();
  }
}

/** Ends every session of one user, e.g. when an admin is disabled. */
export async function deleteSessionsOf(db: Db, role: 'admin' | 'student', userId: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where(role === 'admin' ? 'admin_id' : 'student_id', '=', userId)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
