import type { DialectName } from '@karina/db';
import type { Actor, StudentActor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { BeforeCommit } from '../../platform/idempotency.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Db, Trx } from '../../platform/transactions.js';
import type {
  EnrollResponse,
  EnrollmentItem,
  EnrollmentList,
  WaitlistJoinResponse,
  WaitlistList,
} from './enrollment.schema.js';
import {
  deleteEnrollment,
  deleteWaitlistById,
  deleteWaitlistEntry,
  findOpenPeriodForYear,
  findSectionForRegistration,
  insertEnrollment,
  insertWaitlistEntry,
  listEnrollmentDetails,
  listHeldSections,
  listMeetings,
  listWaitlistDetails,
  listWaitlistHeads,
  lockSectionRow,
  lockStudent,
  readSubjectCreditsShared,
  releaseSeat,
  takeSeat,
  waitlistPosition,
} from './enrollment.repository.js';
import type { MeetingRow } from './enrollment.repository.js';
import { deleteOwnCartItem } from '../cart/cart.repository.js';
import { findTimeConflict, minutesToClock } from './enrollment.rules.js';
import type { Meeting } from './enrollment.rules.js';
import { professorOrTba } from '../catalog/catalog.meetings.js';

/** Periods in which registering, dropping and wait-listing are allowed. */
export const REGISTRATION_KINDS = ['registration', 'add_drop'] as const;

type Section = NonNullable<Awaited<ReturnType<typeof findSectionForRegistration>>>;

function toMeeting(row: MeetingRow): Meeting {
  return { day: row.day, startMin: row.start_min, endMin: row.end_min };
}

function groupMeetings(rows: readonly MeetingRow[]): Map<number, Meeting[]> {
  const bySection = new Map<number, Meeting[]>();
  for (const row of rows) {
    const list = bySection.get(row.section_id) ?? [];
    list.push(toMeeting(row));
    bySection.set(row.section_id, list);
  }
  return bySection;
}

function sectionLabel(subjectName: string, number: number): string {
  return `${subjectName} ${number}분반`;
}

/**
 * Rules 2-4 of PRODUCT.md for one student and one section, read inside the caller's transaction
 * after the student's row lock is held. Throws the first rule that fails, in the documented order.
 */
async function assertEligible(
  trx: Trx,
  studentId: number,
  section: Section,
  maxCredits: number,
): Promise<{ heldCredits: number; meetings: Meeting[] }> {
  const held = await listHeldSections(trx, studentId);
  if (held.some((h) => h.section_id === section.id)) throw new AppError('ALREADY_ENROLLED');
  const sameSubject = held.find((h) => h.subject_id === section.subject_id);
  if (sameSubject) {
    throw new AppError(
      'SAME_SUBJECT',
      `같은 교과목의 ${sameSubject.number}분반을 이미 신청했습니다 / Already enrolled in section ${sameSubject.number} of ${sameSubject.subject_name}`,
      { sectionId: sameSubject.section_id },
    );
  }
  const meetings = groupMeetings(await listMeetings(trx, [section.id, ...held.map((h) => h.section_id)]));
  const candidate = meetings.get(section.id) ?? [];
  meetings.delete(section.id);
  const conflictId = findTimeConflict(candidate, meetings);
  if (conflictId !== undefined) {
    const other = held.find((h) => h.section_id === conflictId);
    const label = other ? sectionLabel(other.subject_name, other.number) : `#${conflictId}`;
    throw new AppError(
      'TIME_CONFLICT',
      `${label}과(와) 시간이 겹칩니다 / Time conflict with ${other?.subject_code ?? ''} section ${other?.number ?? conflictId}`,
      {
        sectionId: conflictId,
        subjectCode: other?.subject_code,
        subjectName: other?.subject_name,
        sectionNumber: other?.number,
      },
    );
  }
  const heldCredits = held.reduce((sum, h) => sum + h.credits, 0);
  if (heldCredits + section.credits > maxCredits) {
    throw new AppError(
      'CREDIT_LIMIT',
      `최대 ${maxCredits}학점까지 신청할 수 있습니다 (현재 ${heldCredits}학점) / Credit limit ${maxCredits} exceeded: holding ${heldCredits}, this section adds ${section.credits}`,
      { heldCredits, sectionCredits: section.credits, maxCredits },
    );
  }
  return { heldCredits, meetings: candidate };
}

async function enroll(trx: Trx, studentId: number, section: Section, now: number): Promise<void> {
  try {
    await insertEnrollment(trx, {
      studentId,
      sectionId: section.id,
      subjectId: section.subject_id,
      credits: section.credits,
      now,
    });
  } catch (error) {
    // The unique keys are the backstop should a rule ever be checked without the student's lock.
    if (isUniqueViolation(error)) throw new AppError('ALREADY_ENROLLED');
    throw error;
  }
  await deleteWaitlistEntry(trx, studentId, section.id);
  await deleteOwnCartItem(trx, studentId, section.id);
}

/**
 * Hands free seats of a section to the wait-list, oldest entry first, skipping students who are no
 * longer eligible (time conflict, credit limit, or no open period for their year). A student who
 * meanwhile holds another section of the subject leaves the list. Runs in the caller's transaction,
 * so a seat freed by a drop is taken by the head of the list before anyone else can see it.
 * Lock order here is section (already updated by the caller) then student; registration locks the
 * student first, so MariaDB may pick a deadlock victim, and inTransaction retries it.
 */
export async function fillFreedSeats(
  trx: Trx,
  deps: AppDeps,
  actor: Actor,
  sectionId: number,
): Promise<number> {
  const now = deps.clock.now();
  let promoted = 0;
  const skipped = new Set<number>();
  for (;;) {
    const section = await findSectionForRegistration(trx, sectionId);
    if (!section || section.taken >= section.capacity) return promoted;
    const limit = skipped.size + 20;
    const raw = await listWaitlistHeads(trx, sectionId, limit);
    const heads = raw.filter((h) => !skipped.has(h.id));
    if (heads.length === 0) return promoted;
    let took = false;
    for (const head of heads) {
      const student = await lockStudent(trx, deps.dialect, head.student_id);
      const period = student
        ? await findOpenPeriodForYear(trx, REGISTRATION_KINDS, student.year, now)
        : undefined;
      if (!student || !period) {
        skipped.add(head.id);
        continue;
      }
      try {
        await assertEligible(trx, head.student_id, section, period.max_credits);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'SAME_SUBJECT' || error.code === 'ALREADY_ENROLLED') {
          if (await deleteWaitlistById(trx, head.id)) {
            await writeAudit(
              trx,
              actor,
              {
                action: 'waitlist.remove',
                target: `section:${sectionId}`,
                detail: { studentId: head.student_id, reason: error.code },
              },
              now,
            );
          }
        } else skipped.add(head.id);
        continue;
      }
      if (!(await takeSeat(trx, sectionId))) return promoted;
      // The entry is claimed under the student's lock: a student who left the list a moment ago
      // (leaving takes the same lock) is not enrolled from it.
      if (!(await deleteWaitlistById(trx, head.id))) {
        await releaseSeat(trx, sectionId);
        continue;
      }
      await enroll(trx, head.student_id, section, now);
      await writeAudit(
        trx,
        actor,
        {
          action: 'enrollment.promote',
          target: `section:${sectionId}`,
          detail: { studentId: head.student_id },
        },
        now,
      );
      promoted++;
      took = true;
      break;
    }
    if (!took && raw.length < limit) return promoted;
  }
}

/** Drops every enrollment of a student (seats back, wait-lists promoted) before the student is deleted. */
export async function releaseStudentSeatsInTrx(
  trx: Trx,
  deps: AppDeps,
  actor: Actor,
  studentId: number,
): Promise<void> {
  await lockStudent(trx, deps.dialect, studentId);
  const held = await listHeldSections(trx, studentId);
  for (const h of held) {
    if (await deleteEnrollment(trx, studentId, h.section_id)) {
      await releaseSeat(trx, h.section_id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'enrollment.drop',
          target: `section:${h.section_id}`,
          detail: { studentId, reason: 'student_deleted' },
        },
        deps.clock.now(),
      );
    }
  }
  for (const h of held) await fillFreedSeats(trx, deps, actor, h.section_id);
}

async function enrollmentItems(
  db: Db | Trx,
  studentId: number,
  onlySection?: number,
): Promise<EnrollmentItem[]> {
  const rows = (await listEnrollmentDetails(db, studentId)).filter(
    (r) => onlySection === undefined || r.section_id === onlySection,
  );
  const meetings = groupMeetings(
    await listMeetings(
      db,
      rows.map((r) => r.section_id),
    ),
  );
  return rows.map((r) => ({
    sectionId: r.section_id,
    sectionNumber: r.number,
    subject: { id: r.subject_id, code: r.subject_code, name: r.subject_name, type: r.subject_type },
    credits: r.credits,
    professor: professorOrTba(r.professor_id, r.professor_name),
    meetings: (meetings.get(r.section_id) ?? []).map((m) => ({
      day: m.day,
      start: minutesToClock(m.startMin),
      end: minutesToClock(m.endMin),
    })),
    enrolledAt: new Date(r.created_at).toISOString(),
  }));
}

async function lockOpenStudent(trx: Trx, dialect: DialectName, studentId: number, now: number) {
  const student = await lockStudent(trx, dialect, studentId);
  if (!student) throw new AppError('UNAUTHENTICATED');
  const period = await findOpenPeriodForYear(trx, REGISTRATION_KINDS, student.year, now);
  if (!period) throw new AppError('REGISTRATION_CLOSED');
  return { student, period };
}

export function createEnrollmentService(deps: AppDeps) {
  const { db, clock, dialect } = deps;

  /** PRODUCT.md "Registration rules", all in one transaction: open -> not held -> no conflict -> credits -> seat. */
  async function register(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit,
  ): Promise<EnrollResponse> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      const { period } = await lockOpenStudent(trx, dialect, actor.id, now);
      const found = await findSectionForRegistration(trx, sectionId);
      if (!found) throw notFound('분반 / section');
      const credits = await readSubjectCreditsShared(trx, dialect, found.subject_id);
      const section = credits === undefined ? found : { ...found, credits };
      const { heldCredits, meetings } = await assertEligible(trx, actor.id, section, period.max_credits);
      if (!(await takeSeat(trx, section.id))) {
        throw new AppError('SECTION_FULL', undefined, { sectionId: section.id, capacity: section.capacity });
      }
      await enroll(trx, actor.id, section, now);
      await writeAudit(trx, actor, { action: 'enrollment.register', target: `section:${section.id}` }, now);
      // Built from rows already read in this transaction: no extra round trip on the hot path.
      const result: EnrollResponse = {
        enrollment: {
          sectionId: section.id,
          sectionNumber: section.number,
          subject: {
            id: section.subject_id,
            code: section.subject_code,
            name: section.subject_name,
            type: section.subject_type,
          },
          credits: section.credits,
          professor: professorOrTba(section.professor_id, section.professor_name),
          meetings: meetings.map((m) => ({
            day: m.day,
            start: minutesToClock(m.startMin),
            end: minutesToClock(m.endMin),
          })),
          enrolledAt: new Date(now).toISOString(),
        },
        totalCredits: heldCredits + section.credits,
      };
      await beforeCommit?.(trx, result);
      return result;
    });
  }

  async function drop(actor: StudentActor, sectionId: number, beforeCommit?: BeforeCommit): Promise<null> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      await lockOpenStudent(trx, dialect, actor.id, now);
      if (!(await deleteEnrollment(trx, actor.id, sectionId))) throw new AppError('NOT_ENROLLED');
      await releaseSeat(trx, sectionId);
      await writeAudit(trx, actor, { action: 'enrollment.drop', target: `section:${sectionId}` }, now);
      await fillFreedSeats(trx, deps, actor, sectionId);
      await beforeCommit?.(trx, null);
      return null;
    });
  }

  async function list(studentId: number): Promise<EnrollmentList> {
    const items = await enrollmentItems(db, studentId);
    return { items, totalCredits: items.reduce((s, i) => s + i.credits, 0) };
  }

  async function joinWaitlist(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit,
  ): Promise<WaitlistJoinResponse> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      await lockOpenStudent(trx, dialect, actor.id, now);
      await lockSectionRow(trx, dialect, sectionId);
      const section = await findSectionForRegistration(trx, sectionId);
      if (!section) throw notFound('분반 / section');
      const held = await listHeldSections(trx, actor.id);
      if (held.some((h) => h.section_id === section.id)) throw new AppError('ALREADY_ENROLLED');
      if (held.some((h) => h.subject_id === section.subject_id)) throw new AppError('SAME_SUBJECT');
      if (section.taken < section.capacity) throw new AppError('SEATS_AVAILABLE');
      try {
        await insertWaitlistEntry(trx, actor.id, section.id, now);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ALREADY_WAITLISTED');
        throw error;
      }
      await writeAudit(trx, actor, { action: 'waitlist.join', target: `section:${section.id}` }, now);
      const position = (await waitlistPosition(trx, actor.id, section.id)) ?? 0;
      const result = { sectionId: section.id, position };
      await beforeCommit?.(trx, result);
      return result;
    });
  }

  async function leaveWaitlist(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit,
  ): Promise<null> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      // Same lock as promotion takes before claiming an entry, so leave and promotion never overlap.
      await lockStudent(trx, dialect, actor.id);
      if (!(await deleteWaitlistEntry(trx, actor.id, sectionId))) throw new AppError('NOT_WAITLISTED');
      await writeAudit(trx, actor, { action: 'waitlist.leave', target: `section:${sectionId}` }, now);
      await beforeCommit?.(trx, null);
      return null;
    });
  }

  async function listWaitlist(studentId: number): Promise<WaitlistList> {
    const rows = await listWaitlistDetails(db, studentId);
    return {
      items: rows.map((r) => ({
        sectionId: r.section_id,
        sectionNumber: r.number,
        subjectCode: r.subject_code,
        subjectName: r.subject_name,
        position: Number(r.ahead ?? 0) + 1,
        joinedAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  return { register, drop, list, joinWaitlist, leaveWaitlist, listWaitlist };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
