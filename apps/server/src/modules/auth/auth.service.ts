import { writeAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/actor.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { checkPasswordThrottled } from '../../platform/login-throttle.js';
import type { PasswordCheckDeps } from '../../platform/login-throttle.js';
import { decoyPasswordHash, verifyPassword } from '../../platform/passwords.js';
import { createSession, deleteSession } from '../../platform/sessions.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Session } from '../../platform/sessions.js';
import type { LookupBody, SessionUser } from './auth.schema.js';
import { findAdminForLogin, findStudentForLogin, findStudentNumbersByIdentity } from './auth.repository.js';

const STUDENT_NO = /^[0-9]{7}$/;
/**
 * The only usernames that exist: a 학번 or an admin name as `karina admin create` accepts it.
 * Anything else is refused before the lookup, because MariaDB's collation would match "admin " or
 * "Admin" to "admin" and each spelling would get its own throttle bucket.
 */
export const USERNAME = /^([0-9]{7}|[a-z][a-z0-9._-]{2,63})$/;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: number;
  user: SessionUser;
}

/** The one spelling of a name that lookups use, for the query and for the throttle's key alike. */
export function lookupName(name: string): string {
  return name.normalize('NFC').trim();
}

function digitsOnly(phone: string): string {
  return phone.replace(/[^0-9]/g, '');
}

export function createAuthService(deps: AppDeps & PasswordCheckDeps) {
  const { db, clock, config } = deps;

  async function login(
    input: { username: string; password: string; address: string },
    actor: Actor,
  ): Promise<LoginResult> {
    const { username, password } = input;
    const wellFormed = USERNAME.test(username);
    const isStudent = STUDENT_NO.test(username);
    const student = wellFormed && isStudent ? await findStudentForLogin(db, username) : undefined;
    const admin = wellFormed && !isStudent ? await findAdminForLogin(db, username) : undefined;
    const account = student ?? admin;
    const decoy = await decoyPasswordHash();
    // Verify against a decoy for unknown names so the response time does not reveal which exist;
    // well-formed unknown names are throttled like real ones for the same reason.
    const ok = await checkPasswordThrottled(
      deps,
      { address: input.address, account: wellFormed ? username : null },
      () => verifyPassword(account?.password_hash ?? decoy, password),
    );
    if (!account || !ok) {
      await writeAudit(
        db,
        actor,
        {
          action: 'auth.login',
          // Never the typed username: people type their password into that field.
          target: account ? `${student ? 'student' : 'admin'}:${account.id}` : 'user:unknown',
          outcome: 'INVALID_CREDENTIALS',
        },
        clock.now(),
      );
      throw new AppError('INVALID_CREDENTIALS');
    }
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (admin && admin.disabled === 1) throw new AppError('ACCOUNT_DISABLED');
    const role = student ? 'student' : 'admin';
    const session = await inTransaction(db, async (trx) => {
      const created = await createSession(trx, {
        role,
        userId: account.id,
        now: clock.now(),
        ttlMs: config.sessionTtlMs,
      });
      await writeAudit(
        trx,
        { ...actor, role, id: account.id },
        { action: 'auth.login', target: `${role}:${account.id}` },
        clock.now(),
      );
      return created;
    });
    return {
      ...session,
      user: {
        id: account.id,
        username: student ? student.student_no : (admin?.username ?? username),
        name: account.name,
        role,
        mustChangePassword: account.must_change_password === 1,
      },
    };
  }

  async function logout(session: Session, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      await deleteSession(trx, session.tokenHash);
      await writeAudit(
        trx,
        actor,
        { action: 'auth.logout', target: `${session.role}:${session.userId}` },
        clock.now(),
      );
    });
    // Awaited so that once logout answers, every process has been told to drop the session.
    await deps.bus.publishAndWait('sessions', session.tokenHash);
  }

  /** 학번 조회: the number only when name, department and phone all match; never says which part failed. */
  async function lookupStudentNumber(input: LookupBody): Promise<{ studentNo: string }> {
    const name = lookupName(input.name);
    const candidates = await findStudentNumbersByIdentity(db, name, input.departmentId);
    const phone = digitsOnly(input.phone);
    // Exact match in code: the database collation would also accept other spellings of the name.
    const match = candidates.find(
      (c) => c.name === name && c.tel !== null && phone.length >= 9 && digitsOnly(c.tel) === phone,
    );
    if (!match) throw new AppError('NOT_FOUND', '일치하는 학생이 없습니다 / No student matches');
    return { studentNo: match.student_no };
  }

  return { login, logout, lookupStudentNumber };
}
