import type { Updateable } from 'kysely';
import type { StudentsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { assertPlausibleBirthDate, assertPlausibleTel } from '../../platform/contact.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { checkPasswordThrottled } from '../../platform/login-throttle.js';
import type { PasswordCheckDeps } from '../../platform/login-throttle.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../../platform/passwords.js';
import type { Session } from '../../platform/sessions.js';
import { inTransaction } from '../../platform/transactions.js';
import type { ChangePasswordBody, Profile, UpdateProfileBody } from './me.schema.js';
import {
  deleteOtherSessions,
  findAdminProfile,
  findPasswordHash,
  findStudentProfile,
  setPassword,
  updateStudentContact,
} from './me.repository.js';

export function createMeService(deps: AppDeps & PasswordCheckDeps) {
  const { db, clock } = deps;

  async function getProfile(session: Session): Promise<Profile> {
    if (session.role === 'admin') {
      const a = await findAdminProfile(db, session.userId);
      if (!a) throw notFound('사용자 / user');
      return {
        id: a.id,
        role: 'admin',
        username: a.username,
        name: a.name,
        mustChangePassword: a.must_change_password === 1,
      };
    }
    const s = await findStudentProfile(db, session.userId);
    if (!s) throw notFound('학생 / student');
    return {
      id: s.id,
      role: 'student',
      username: s.student_no,
      studentNo: s.student_no,
      name: s.name,
      mustChangePassword: s.must_change_password === 1,
      department: { id: s.department_id, code: s.department_code, name: s.department_name },
      entryYear: s.entry_year,
      year: s.year,
      tel: s.tel,
      email: s.email,
      birthDate: s.birth_date,
      address: { postcode: s.postcode, line1: s.address1, line2: s.address2 },
    };
  }

  async function updateProfile(session: Session, input: UpdateProfileBody, actor: Actor): Promise<Profile> {
    if (session.role !== 'student')
      throw new AppError(
        'FORBIDDEN',
        '학생만 연락처를 수정할 수 있습니다 / Only students have a contact profile',
      );
    const patch: Updateable<StudentsTable> = {};
    if (input.tel !== undefined) {
      if (input.tel !== null) assertPlausibleTel(input.tel);
      patch.tel = input.tel;
    }
    if (input.email !== undefined) patch.email = input.email;
    if (input.birthDate !== undefined) {
      if (input.birthDate !== null) assertPlausibleBirthDate(input.birthDate, clock.now());
      patch.birth_date = input.birthDate;
    }
    if (input.address?.postcode !== undefined) patch.postcode = input.address.postcode;
    if (input.address?.line1 !== undefined) patch.address1 = input.address.line1;
    if (input.address?.line2 !== undefined) patch.address2 = input.address.line2;
    await inTransaction(db, async (trx) => {
      await updateStudentContact(trx, session.userId, patch);
      await writeAudit(
        trx,
        actor,
        {
          action: 'student.update_profile',
          target: `student:${session.userId}`,
          detail: { fields: Object.keys(patch) },
        },
        clock.now(),
      );
    });
    return getProfile(session);
  }

  /**
   * Throttled like login, on the same per-account counter: a stolen session must not become a way
   * to guess the password behind it.
   */
  async function changePassword(
    session: Session,
    input: ChangePasswordBody & { address: string },
    actor: Actor,
  ): Promise<void> {
    const current = await findPasswordHash(db, session.role, session.userId);
    if (!current) throw notFound('사용자 / user');
    const ok = await checkPasswordThrottled(deps, { address: input.address, account: current.username }, () =>
      verifyPassword(current.password_hash, input.currentPassword),
    );
    if (!ok) {
      await writeAudit(
        db,
        actor,
        {
          action: 'auth.change_password',
          target: `${session.role}:${session.userId}`,
          outcome: 'WRONG_PASSWORD',
        },
        clock.now(),
      );
      throw new AppError('WRONG_PASSWORD');
    }
    assertPasswordPolicy(input.newPassword, current.username);
    if (input.newPassword === input.currentPassword) {
      throw new AppError(
        'WEAK_PASSWORD',
        '새 비밀번호는 현재 비밀번호와 달라야 합니다 / The new password must differ from the current one',
      );
    }
    const hash = await deps.hashGate.run(() => hashPassword(input.newPassword));
    await inTransaction(db, async (trx) => {
      await setPassword(trx, session.role, session.userId, hash);
      await deleteOtherSessions(trx, session.role, session.userId, session.tokenHash);
      await writeAudit(
        trx,
        actor,
        { action: 'auth.change_password', target: `${session.role}:${session.userId}` },
        clock.now(),
      );
    });
    // Every process forgets this user's sessions: the others have ended, and this one's cached
    // copy still says a password change is required.
    await deps.bus.publishAndWait('sessions', `${session.role}:${session.userId}`);
  }

  return { getProfile, updateProfile, changePassword };
}
