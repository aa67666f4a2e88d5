import { connectDatabase, migrateToLatest } from '@karina/db';
import { systemActor } from '../platform/actor.js';
import { writeAudit } from '../platform/audit.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import { generatePassword, hashPassword } from '../platform/passwords.js';
import { deleteSessionsOf } from '../platform/sessions.js';
import { inTransaction } from '../platform/transactions.js';
import type { CliContext } from './io.js';
import { CliError, loadConfigOrFail, printBox, say } from './io.js';

export const ADMIN_HELP = `Usage: karina admin create --username U [--name NAME]
       karina admin disable --username U
       karina admin enable --username U

create   makes a registrar (admin) account with a generated password, printed once; it must be
         changed at the first login. KARINA_ADMIN_PASSWORD is not used here: it is only the
         bootstrap admin's password.
disable  refuses the admin's logins from now on and ends every session they have, at once.
enable   lets a disabled admin log in again (with the password they had).

Options:
  --username U   login name: 3-64 characters, a lowercase letter first, then a-z 0-9 . _ -
  --name NAME    display name, create only (default: the username)
  -h, --help     show this help`;

/** Starts with a letter, so an admin name can never look like a 7-digit 학번 at login. */
const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/;

export interface AdminCreateArgs {
  username?: string | undefined;
  name?: string | undefined;
}

export async function adminCreate(args: AdminCreateArgs, ctx: CliContext): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const username = args.username;
  if (username === undefined)
    throw new CliError('admin create needs --username (see karina admin --help)', 2);
  if (!USERNAME.test(username)) {
    throw new CliError('--username must be 3-64 characters: a lowercase letter first, then a-z 0-9 . _ -', 2);
  }
  const name = (args.name ?? username).trim();
  if (name.length === 0 || name.length > 100) throw new CliError('--name must be 1-100 characters', 2);
  // Each registrar gets their own secret: sharing the deploy's KARINA_ADMIN_PASSWORD would let any
  // one of them log in as another, and the audit log could no longer tell them apart.
  const password = generatePassword(20);
  const passwordHash = await hashPassword(password);
  const karina = connectDatabase(config.dbUrl, { poolSize: 2 });
  try {
    await migrateToLatest(karina.db, karina.dialect);
    const now = Date.now();
    try {
      await inTransaction(karina.db, async (trx) => {
        const inserted = await trx
          .insertInto('admins')
          .values({
            username,
            name,
            password_hash: passwordHash,
            // The password was shown on a console; the first login has to replace it.
            must_change_password: 1,
            created_at: now,
          })
          .executeTakeFirst();
        await writeAudit(
          trx,
          systemActor,
          {
            action: 'admin.create',
            target: `admin:${Number(inserted.insertId)}`,
            detail: { username, via: 'cli' },
          },
          now,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new CliError(`an admin named "${username}" already exists`);
      throw error;
    }
    printBox(ctx.stdout, [
      `admin: ${username} / ${password} — shown once`,
      'a new password must be chosen at the first login',
    ]);
    return 0;
  } finally {
    await karina.close();
  }
}

/** disable: no login, and every session ends in the same transaction; enable: logins work again. */
export async function adminSetDisabled(
  args: { username?: string | undefined },
  disabled: boolean,
  ctx: CliContext,
): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const verb = disabled ? 'disable' : 'enable';
  const username = args.username;
  if (username === undefined)
    throw new CliError(`admin ${verb} needs --username (see karina admin --help)`, 2);
  if (!USERNAME.test(username)) {
    throw new CliError('--username must be 3-64 characters: a lowercase letter first, then a-z 0-9 . _ -', 2);
  }
  const karina = connectDatabase(config.dbUrl, { poolSize: 2 });
  try {
    await migrateToLatest(karina.db, karina.dialect);
    const now = Date.now();
    const ended = await inTransaction(karina.db, async (trx) => {
      const admin = await trx
        .selectFrom('admins')
        .select(['id', 'disabled'])
        .where('username', '=', username)
        .executeTakeFirst();
      if (!admin) throw new CliError(`no admin is named "${username}"`);
      await trx
        .updateTable('admins')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', admin.id)
        .execute();
      const sessions = await trx
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('admin_id', '=', admin.id)
        .executeTakeFirstOrThrow();
      if (disabled) await deleteSessionsOf(trx, 'admin', admin.id);
      await writeAudit(
        trx,
        systemActor,
        {
          action: disabled ? 'admin.disable' : 'admin.enable',
          target: `admin:${admin.id}`,
          detail: { via: 'cli', ...(disabled ? { sessionsEnded: Number(sessions.n) } : {}) },
        },
        now,
      );
      return disabled ? Number(sessions.n) : 0;
    });
    say(
      ctx.stdout,
      disabled
        ? `admin ${username} disabled; ${ended} session(s) ended`
        : `admin ${username} enabled; they can log in with their password again`,
    );
    return 0;
  } finally {
    await karina.close();
  }
}
