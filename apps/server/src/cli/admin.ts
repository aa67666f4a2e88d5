import { connectDatabase, migrateToLatest } from '@karina/db';
import { systemActor } from '../platform/actor.js';
import { writeAudit } from '../platform/audit.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import { AppError } from '../platform/errors.js';
import { assertPasswordPolicy, generatePassword, hashPassword } from '../platform/passwords.js';
import { inTransaction } from '../platform/transactions.js';
import type { CliContext } from './io.js';
import { CliError, loadConfigOrFail, printBox, say } from './io.js';

export const ADMIN_HELP = `Usage: karina admin create --username U [--name NAME]

Creates a registrar (admin) account. The password is KARINA_ADMIN_PASSWORD when set; otherwise one
is generated, printed once, and must be changed at the first login.

Options:
  --username U   login name: 3-64 characters, a lowercase letter first, then a-z 0-9 . _ -
  --name NAME    display name (default: the username)
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
  const chosen = config.adminPassword;
  if (chosen !== undefined) {
    try {
      assertPasswordPolicy(chosen, username);
    } catch (error) {
      if (error instanceof AppError) throw new CliError(`KARINA_ADMIN_PASSWORD: ${error.message}`);
      throw error;
    }
  }
  const password = chosen ?? generatePassword(20);
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
            must_change_password: chosen === undefined ? 1 : 0,
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
    if (chosen === undefined) {
      printBox(ctx.stdout, [
        `admin: ${username} / ${password} — shown once`,
        'a new password must be chosen at the first login',
      ]);
    } else {
      say(ctx.stdout, `admin ${username} created with the password from KARINA_ADMIN_PASSWORD`);
    }
    return 0;
  } finally {
    await karina.close();
  }
}
