import { systemActor } from './actor.js';
import { writeAudit } from './audit.js';
import { inTransaction } from './transactions.js';
import type { Db } from './transactions.js';
import { assertPasswordPolicy, generatePassword, hashPassword } from './passwords.js';

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
  if (password !== undefined) assertPasswordPolicy(password, BOOTSTRAP_ADMIN);
  const hash = await hashPassword(chosen);
  await inTransaction(db, async (trx) => {
    const created = await trx
      .insertInto('admins')
      .values({
        username: BOOTSTRAP_ADMIN,
        name: '학사 관리자',
        password_hash: hash,
        // A generated password was shown on a console; the first login has to replace it.
        must_change_password: password === undefined ? 1 : 0,
        created_at: now,
      })
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      systemActor,
      {
        action: 'admin.bootstrap',
        target: `admin:${Number(created.insertId)}`,
        detail: { generated: password === undefined },
      },
      now,
    );
  });
  return password ? { created: true } : { created: true, generatedPassword: chosen };
}
