import type { Db } from './transactions.js';
import { generatePassword, hashPassword } from './passwords.js';

export const BOOTSTRAP_ADMIN = 'admin';

/**
 * Makes sure the bootstrap admin exists. With no KARINA_ADMIN_PASSWORD a random password is
 * generated and returned exactly once (the caller prints it); it is never logged or stored in clear.
 */
export async function ensureBootstrapAdmin(
  db: Db,
  password: string | undefined,
  now: number,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db
    .selectFrom('admins')
    .select('id')
    .where('username', '=', BOOTSTRAP_ADMIN)
    .executeTakeFirst();
  if (existing) return { created: false };
  const chosen = password ?? generatePassword(20);
  await db
    .insertInto('admins')
    .values({
      username: BOOTSTRAP_ADMIN,
      name: '학사 관리자',
      password_hash: await hashPassword(chosen),
      must_change_password: 0,
      created_at: now,
    })
    .execute();
  return password ? { created: true } : { created: true, generatedPassword: chosen };
}
