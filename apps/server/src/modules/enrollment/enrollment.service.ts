import type { DialectName } from '@karina/db';
import type { Actor, StudentActor } from '../../platform/actor.js';
import { writeAudit, writeAudits } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ErrorCode } from '../../platform/errors.js';
import type { BeforeCommit } from '../../platform/idempotency.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Db, Trx } from '../../platform/transactions.js';
import { professorOrTba } from '../catalog/catalog.professor.js';
import { deleteOwnCartItem } from '../cart/cart.repository.js';
import { compareMeetings, groupMeetingRows, groupMeetings, timesToMeeting } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import { findOpenPeriod } from '../periods/periods.repository.js';
import type { PeriodRow } from '../periods/periods.repository.js';
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
  findSectionForRegistration,
  findSectionRoster,
  findSectionStatics,
  insertEnrollment,
  insertEnrollmentIfCredits,
  insertWaitlistEntry,
  listEnrollmentDetails,
  listHeldSections,
  listWaitlistDetails,
  listRegistrationPeriods,
  listWaitlistHeads,
  lockSectionRow,
  lockStudent,
  insertEnrollmentsIfCredits,
  lockStudentsWithSchedules,
  releaseSeat,
  takeSeat,
  takeSeats,
  waitlistPosition,
} from './enrollment.repository.js';
import { getRegistrationCache } from './enrollment.cache.js';
import { createGroupCommit } from './enrollment.group-commit.js';
import type { Outcome } from './enrollment.group-commit.js';
import type { SectionStatic } from './enrollment.cache.js';
import {
  assertNoTimeConflict,
  assertNotHeld,
  assertWithinCreditLimit,
  creditsHeld,
} from './enrollment.rules.js';
import type { CandidateSection, HeldSection } from './enrollment.rules.js';

/** Periods in which registering, dropping and wait-listing are allowed. */
export const REGISTRATION_KINDS = ['registration', 'add_drop'] as const;

type Section = NonNullable<Awaited<ReturnType<typeof findSectionForRegistration>>>;

/** One registration waiting for its transaction; stamp: the section's cache stamp when it arrived. */
interface RegistrationRequest {
  actor: StudentActor;
  sectionId: number;
  stamp: string;
  /** The idempotency record's write, inside the same transaction as the enrollment. */
  beforeCommit?: BeforeCommit<EnrollResponse>;
}

/** A request that passed rules 1-4, with what writing it needs. */
interface Checked {
  request: RegistrationRequest;
  section: SectionStatic;
  held: HeldSection[];
  present: { waitlisted: boolean; inCart: boolean };
}

/** A write inside a batch failed: the batch is rolled back and each request runs alone. */
class BatchFailed extends Error {
  constructor(readonly reason: unknown) {
    super('group commit: a write failed', { cause: reason });
  }
}

/** The credits the rules were checked with changed before the insert: run again, reading afresh. */
class StaleCredits extends Error {}

/** findOpenPeriod over rows in memory: open at now for the year, the latest opened winning. */
function openPeriodIn(rows: readonly PeriodRow[], year: number, now: number): PeriodRow | undefined {
  if (year < 1 || year > 4) return undefined;
  let best: PeriodRow | undefined;
  for (const row of rows) {
    if (!(Number(row.opens_at) <= now && Number(row.closes_at) > now)) continue;
    if ((row.years_mask & (1 << (year - 1))) === 0) continue;
    const later =
      !best ||
      Number(row.opens_at) > Number(best.opens_at) ||
      (Number(row.opens_at) === Number(best.opens_at) && row.id > best.id);
    if (later) best = row;
  }
  return best;
}

function sectionStaticRowsToSections(rows: Awaited<ReturnType<typeof findSectionStatics>>): SectionStatic[] {
  const byId = new Map<number, SectionStatic>();
  for (const r of rows) {
    let section = byId.get(r.id);
    if (!section) {
      section = {
        id: r.id,
        number: r.number,
        capacity: r.capacity,
        subject_id: r.subject_id,
        credits: r.credits,
        subject_name: r.subject_name,
        subject_code: r.subject_code,
        subject_type: r.subject_type,
        professor_id: r.professor_id,
        professor_name: r.professor_name,
        meetings: [],
      };
      byId.set(r.id, section);
    }
    if (r.day !== null && r.start_min !== null && r.end_min !== null) {
      section.meetings.push({ day: r.day, start_min: r.start_min, end_min: r.end_min });
    }
  }
  for (const section of byId.values()) section.meetings.sort(compareMeetings);
  return [...byId.values()];
}

/** What rules 2-4 need about one student and one candidate section. */
interface Schedule {
  held: HeldSection[];
  meetings: Map<number, MeetingTimes[]>;
}

/** Two statements, read inside the caller's transaction after the student's row lock is held. */
async function readSchedule(trx: Trx, studentId: number, sectionId: number): Promise<Schedule> {
  const held = await listHeldSections(trx, studentId);
  const meetings = groupMeetingRows(
    await findMeetingRows(trx, [sectionId, ...held.map((h) => h.section_id)]),
  );
  return { held, meetings };
}

/** Rules 2-4 of PRODUCT.md; throws the first that fails, in the documented order. */
function assertEligible(schedule: Schedule, section: CandidateSection, maxCredits: number): void {
  assertNotHeld(schedule.held, section);
  assertNoTimeConflict(schedule.held, schedule.meetings, section);
  assertWithinCreditLimit(schedule.held, section, maxCredits);
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

/** How many wait-list entries a promotion reads at a time. */
const HEADS_BATCH = 20;
const STUDENT_YEARS = [1, 2, 3, 4] as const;

type HeadOutcome = 'promoted' | 'removed' | 'kept' | 'gone' | 'no-seat';

/**
 * Hands free seats of a section to the wait-list, oldest entry first. An entry whose student is
 * no longer eligible (holds the subject, a time conflict, the credit limit, no open period for
 * their year while one is open for another) is removed with an audit row naming the reason, so
 * the next drop does not check it again. Runs in the caller's transaction, so a seat freed by a
 * drop is taken by the head of the list before anyone else can see it. Lock order here is section
 * (already updated by the caller) then student; registration locks the student first, so MariaDB
 * may pick a deadlock victim, and inTransaction retries it.
 */
export async function fillFreedSeats(
  trx: Trx,
  deps: AppDeps,
  actor: Actor,
  sectionId: number,
): Promise<number> {
  const now = deps.clock.now();
  const periods = new Map<number, PeriodRow | undefined>();
  const periodFor = async (year: number) => {
    if (!periods.has(year)) periods.set(year, await findOpenPeriod(trx, REGISTRATION_KINDS, year, now));
    return periods.get(year);
  };
  const registrationRunning = async () => {
    for (const year of STUDENT_YEARS) if (await periodFor(year)) return true;
    return false;
  };

  async function ineligibility(studentId: number, section: Section): Promise<ErrorCode | undefined> {
    const student = await lockStudent(trx, deps.dialect, studentId);
    if (!student) return 'NOT_FOUND';
    const period = await periodFor(student.year);
    if (!period) return 'REGISTRATION_CLOSED';
    try {
      assertEligible(await readSchedule(trx, studentId, section.id), section, period.max_credits);
      return undefined;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  async function offerSeat(head: { id: number; student_id: number }, section: Section): Promise<HeadOutcome> {
    const reason = await ineligibility(head.student_id, section);
    // A registrar raising a capacity between periods must not empty the wait-list: an entry is
    // dropped for its year's closed period only while registration runs for some other year.
    if (reason === 'REGISTRATION_CLOSED' && !(await registrationRunning())) return 'kept';
    if (reason !== undefined) {
      if (!(await deleteWaitlistById(trx, head.id))) return 'gone';
      await writeAudit(
        trx,
        actor,
        {
          action: 'waitlist.remove',
          target: `section:${sectionId}`,
          detail: { studentId: head.student_id, reason },
        },
        now,
      );
      return 'removed';
    }
    if (!(await takeSeat(trx, sectionId))) return 'no-seat';
    // The entry is claimed under the student's lock: a student who left the list a moment ago
    // (leaving takes the same lock) is not enrolled from it.
    if (!(await deleteWaitlistById(trx, head.id))) {
      await releaseSeat(trx, sectionId);
      return 'gone';
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
    return 'promoted';
  }

  let promoted = 0;
  // Kept entries are listed again by the next read; each entry is offered once per call.
  const offered = new Set<number>();
  for (;;) {
    const section = await findSectionForRegistration(trx, sectionId);
    if (!section || section.taken >= section.capacity) return promoted;
    const limit = offered.size + HEADS_BATCH;
    const raw = await listWaitlistHeads(trx, sectionId, limit);
    const heads = raw.filter((h) => !offered.has(h.id));
    if (heads.length === 0) return promoted;
    let took = false;
    for (const head of heads) {
      offered.add(head.id);
      const outcome = await offerSeat(head, section);
      if (outcome === 'no-seat') return promoted;
      if (outcome === 'promoted') {
        promoted++;
        took = true;
        break;
      }
    }
    if (!took && raw.length < limit) return promoted;
  }
}

/** Drops every enrollment of a student (seats back, wait-lists promoted) before the student is deleted. */
export async function releaseStudentSeats(
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
    await findMeetingRows(
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
    meetings: meetings.get(r.section_id) ?? [],
    enrolledAt: new Date(r.created_at).toISOString(),
  }));
}

async function lockOpenStudent(trx: Trx, dialect: DialectName, studentId: number, now: number) {
  const student = await lockStudent(trx, dialect, studentId);
  if (!student) throw new AppError('UNAUTHENTICATED');
  const period = await findOpenPeriod(trx, REGISTRATION_KINDS, student.year, now);
  if (!period) throw new AppError('REGISTRATION_CLOSED');
  return { student, period };
}

export function createEnrollmentService(deps: AppDeps) {
  const { db, clock, dialect, rejections } = deps;

  const cache = getRegistrationCache(deps.bus);

  async function openPeriods(q: Db | Trx): Promise<readonly PeriodRow[]> {
    const cached = cache.findPeriods();
    if (cached) return cached;
    const stamp = cache.periodsStamp();
    const rows = await listRegistrationPeriods(q, REGISTRATION_KINDS);
    cache.storePeriods(rows, stamp);
    return rows;
  }

  /** The candidate and the held sections, from memory where it has them, the rest in one statement. */
  async function sectionStatics(
    q: Db | Trx,
    ids: readonly number[],
    reread: number | undefined,
  ): Promise<Map<number, SectionStatic>> {
    const found = new Map<number, SectionStatic>();
    const missing: number[] = [];
    for (const id of ids) {
      const hit = id === reread ? undefined : cache.findSection(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const stamps = new Map(missing.map((id) => [id, cache.sectionStamp(id)]));
    for (const section of sectionStaticRowsToSections(await findSectionStatics(q, missing))) {
      found.set(section.id, section);
      cache.storeSection(section, stamps.get(section.id) ?? '');
    }
    return found;
  }

  /**
   * A full section refuses from memory: a student who holds it still hears ALREADY_ENROLLED, and
   * REGISTRATION_CLOSED keeps its precedence (memory knows no student's year, so only while a
   * period is open for every year). The other rules are not checked: their answer would be a
   * refusal as well, and a full section's crowd is the load this path exists for.
   */
  function refuseFromMemory(studentId: number, sectionId: number, now: number): void {
    const full = cache.findFull(sectionId);
    if (!full) return;
    const periods = cache.findPeriods();
    if (!periods || !STUDENT_YEARS.every((year) => openPeriodIn(periods, year, now))) return;
    if (full.roster.has(studentId)) throw new AppError('ALREADY_ENROLLED');
    throw new AppError('SECTION_FULL', undefined, { sectionId, capacity: full.capacity });
  }

  /** After a failed seat take: one statement outside the transaction, committed state only. */
  async function rememberFull(sectionId: number, stamp: string): Promise<void> {
    const rows = await findSectionRoster(db, sectionId);
    const first = rows[0];
    if (!first || first.taken < first.capacity) return;
    const roster = new Set<number>();
    for (const r of rows) if (r.student_id !== null) roster.add(r.student_id);
    cache.storeFull(sectionId, { capacity: first.capacity, roster }, stamp);
  }

  /** PRODUCT.md "Registration rules", all in one transaction: open -> not held -> no conflict -> credits -> seat. */
  async function register(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit<EnrollResponse>,
  ): Promise<EnrollResponse> {
    try {
      refuseFromMemory(actor.id, sectionId, clock.now());
      // A keyed request's idempotency record is written inside the batch's transaction; should it
      // collide with a racing repeat, the batch rolls back and each request runs alone, where the
      // repeat ends on the primary key and replays (platform/idempotency.ts).
      return await groupCommit.submit({
        actor,
        sectionId,
        stamp: cache.sectionStamp(sectionId),
        beforeCommit,
      });
    } catch (error) {
      // Counted in memory (and sent to Redis in batches), never in the database: a refusal is not a change.
      if (error instanceof AppError && error.code === 'SECTION_FULL') rejections.record(sectionId);
      throw error;
    }
  }

  async function registerAlone(request: RegistrationRequest): Promise<EnrollResponse> {
    const { beforeCommit } = request;
    try {
      return await registerInTransaction(request, beforeCommit, undefined);
    } catch (error) {
      if (error instanceof StaleCredits) {
        cache.forgetSection(request.sectionId);
        return await registerInTransaction(request, beforeCommit, request.sectionId);
      }
      if (error instanceof AppError && error.code === 'SECTION_FULL') {
        await rememberFull(request.sectionId, request.stamp).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * Rules 1-4 for each request, in the order given (the caller's lock order: students ascending),
   * from one locking read per student and the catalogue in memory. A rule violation is that
   * request's answer; anything else is thrown.
   */
  async function readAndCheck(
    trx: Trx,
    requests: readonly RegistrationRequest[],
    reread: number | undefined,
    now: number,
  ): Promise<(Checked | AppError)[]> {
    const byStudent = await lockStudentsWithSchedules(
      trx,
      dialect,
      requests.map((r) => ({ studentId: r.actor.id, sectionId: r.sectionId })),
    );
    const locked = requests.map((r) => byStudent.get(r.actor.id) ?? []);
    const periods = await openPeriods(trx);
    const ids = new Set<number>();
    requests.forEach((r, i) => {
      ids.add(r.sectionId);
      for (const row of locked[i]!) if (row.section_id !== null) ids.add(row.section_id);
    });
    const statics = await sectionStatics(trx, [...ids], reread);
    return requests.map((request, i) => {
      try {
        const rows = locked[i]!;
        const student = rows[0];
        if (!student) throw new AppError('UNAUTHENTICATED');
        const period = openPeriodIn(periods, student.year, now);
        if (!period) throw new AppError('REGISTRATION_CLOSED');
        const section = statics.get(request.sectionId);
        if (!section) throw notFound('분반 / section');
        const held: HeldSection[] = [];
        const meetings = new Map<number, MeetingTimes[]>([[section.id, section.meetings]]);
        for (const r of rows) {
          if (r.section_id === null) continue;
          const s = statics.get(r.section_id);
          held.push({
            section_id: r.section_id,
            subject_id: r.subject_id!,
            credits: r.credits!,
            number: s?.number ?? 0,
            subject_name: s?.subject_name ?? '',
            subject_code: s?.subject_code ?? '',
          });
          meetings.set(r.section_id, s?.meetings ?? []);
        }
        assertEligible({ held, meetings }, section, period.max_credits);
        return {
          request,
          section,
          held,
          present: { waitlisted: student.waitlist_id !== null, inCart: student.cart_section_id !== null },
        };
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
    });
  }

  function sectionFull(section: SectionStatic): AppError {
    return new AppError('SECTION_FULL', undefined, { sectionId: section.id, capacity: section.capacity });
  }

  const registered = (section: SectionStatic) => ({
    action: 'enrollment.register',
    target: `section:${section.id}`,
  });

  /** The seat is taken: the enrollment and its audit row; the answer from rows already read. */
  async function writeEnrollment(trx: Trx, checked: Checked, now: number): Promise<EnrollResponse> {
    await enrollChecked(trx, checked.request.actor.id, checked.section, now, checked.present);
    await writeAudit(trx, checked.request.actor, registered(checked.section), now);
    return enrollResponse(checked, now);
  }

  function enrollResponse(checked: Checked, now: number): EnrollResponse {
    const { section, held } = checked;
    return {
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
        meetings: section.meetings.map(timesToMeeting),
        enrolledAt: new Date(now).toISOString(),
      },
      totalCredits: creditsHeld(held) + section.credits,
    };
  }

  async function registerInTransaction(
    request: RegistrationRequest,
    beforeCommit: BeforeCommit<EnrollResponse> | undefined,
    reread: number | undefined,
  ): Promise<EnrollResponse> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      const [checked] = await readAndCheck(trx, [request], reread, now);
      if (!checked) throw new Error('registration: no check result');
      if (checked instanceof AppError) throw checked;
      if (!(await takeSeat(trx, checked.section.id))) throw sectionFull(checked.section);
      const result = await writeEnrollment(trx, checked, now);
      await beforeCommit?.(trx, result);
      return result;
    });
  }

  /**
   * Group commit: many students' registrations in one transaction. Locks in one order across
   * processes (students ascending, then sections ascending), rules decided in memory from rows read
   * under those locks, so one student's violation is only that student's answer. Any other failure
   * (a database error, credits changed underneath) rolls the whole batch back and each request
   * runs alone, so a failing one never takes its neighbours down.
   */
  async function registerBatch(requests: readonly RegistrationRequest[]): Promise<Outcome<EnrollResponse>[]> {
    const order = requests.map((_, i) => i).sort((a, b) => requests[a]!.actor.id - requests[b]!.actor.id);
    let outcomes: Outcome<EnrollResponse>[];
    try {
      outcomes = await inTransaction(db, async (trx) => {
        const now = clock.now();
        const checks = await readAndCheck(
          trx,
          order.map((i) => requests[i]!),
          undefined,
          now,
        );
        const result: Outcome<EnrollResponse>[] = new Array<Outcome<EnrollResponse>>(requests.length);
        const eligible: { index: number; checked: Checked }[] = [];
        checks.forEach((c, k) => {
          const index = order[k]!;
          if (c instanceof AppError) result[index] = { ok: false, error: c };
          else eligible.push({ index, checked: c });
        });
        eligible.sort(
          (a, b) =>
            a.checked.section.id - b.checked.section.id ||
            a.checked.request.actor.id - b.checked.request.actor.id,
        );
        // Seats for the whole batch at once; within a section the first students (ascending) win.
        const want = new Map<number, number>();
        for (const e of eligible) want.set(e.checked.section.id, (want.get(e.checked.section.id) ?? 0) + 1);
        const granted = await takeSeats(trx, dialect, want);
        const winners: typeof eligible = [];
        for (const e of eligible) {
          const left = granted.get(e.checked.section.id) ?? 0;
          if (left > 0) {
            granted.set(e.checked.section.id, left - 1);
            winners.push(e);
          } else {
            result[e.index] = { ok: false, error: sectionFull(e.checked.section) };
          }
        }
        try {
          const fresh = await insertEnrollmentsIfCredits(
            trx,
            dialect,
            winners.map(({ checked: { request, section } }) => ({
              studentId: request.actor.id,
              sectionId: section.id,
              subjectId: section.subject_id,
              credits: section.credits,
              now,
            })),
          );
          // Credits changed since they were cached: each alone, reading them afresh.
          if (!fresh) throw new StaleCredits();
          for (const w of winners) {
            const { request, section, present } = w.checked;
            if (present.waitlisted) await deleteWaitlistEntry(trx, request.actor.id, section.id);
            if (present.inCart) await deleteOwnCartItem(trx, request.actor.id, section.id);
          }
          // The batch's audit rows in one statement, in the order the enrollments were written.
          await writeAudits(
            trx,
            winners.map((w) => ({
              actor: w.checked.request.actor,
              entry: registered(w.checked.section),
              at: now,
            })),
          );
          for (const w of winners) {
            const value = enrollResponse(w.checked, now);
            await w.checked.request.beforeCommit?.(trx, value);
            result[w.index] = { ok: true, value };
          }
        } catch (error) {
          // A unique key (an idempotency record's racing repeat, or a rule broken without its
          // lock: never expected) or a database failure: each request again in its own
          // transaction, for its own answer.
          throw new BatchFailed(error);
        }
        return result;
      });
    } catch {
      return Promise.all(
        requests.map((r) =>
          registerAlone(r).then(
            (value): Outcome<EnrollResponse> => ({ ok: true, value }),
            (error: unknown): Outcome<EnrollResponse> => ({ ok: false, error }),
          ),
        ),
      );
    }
    // One roster read per section found full (a batch of a crowded section holds many refusals).
    const full = new Map<number, string>();
    outcomes.forEach((o, i) => {
      if (!o.ok && o.error instanceof AppError && o.error.code === 'SECTION_FULL') {
        full.set(requests[i]!.sectionId, requests[i]!.stamp);
      }
    });
    await Promise.all(
      [...full].map(([sectionId, stamp]) => rememberFull(sectionId, stamp).catch(() => undefined)),
    );
    return outcomes;
  }

  const groupCommit = createGroupCommit<RegistrationRequest, EnrollResponse>(
    {
      windowMs: deps.config.groupCommitMs,
      max: deps.config.groupCommitMax,
      concurrency: deps.config.groupCommitConcurrency || (dialect === 'sqlite' ? 1 : 4),
    },
    registerBatch,
    (request) => registerAlone(request),
    (a, b) => a.actor.id === b.actor.id,
  );

  async function enrollChecked(
    trx: Trx,
    studentId: number,
    section: SectionStatic,
    now: number,
    present: { waitlisted: boolean; inCart: boolean },
  ): Promise<void> {
    let inserted: boolean;
    try {
      inserted = await insertEnrollmentIfCredits(trx, dialect, {
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
    if (!inserted) throw new StaleCredits();
    if (present.waitlisted) await deleteWaitlistEntry(trx, studentId, section.id);
    if (present.inCart) await deleteOwnCartItem(trx, studentId, section.id);
  }

  async function drop(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit<null>,
  ): Promise<null> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      await lockOpenStudent(trx, dialect, actor.id, now);
      if (!(await deleteEnrollment(trx, actor.id, sectionId))) throw new AppError('NOT_ENROLLED');
      await releaseSeat(trx, sectionId);
      await writeAudit(trx, actor, { action: 'enrollment.drop', target: `section:${sectionId}` }, now);
      await fillFreedSeats(trx, deps, actor, sectionId);
      await beforeCommit?.(trx, null);
      return null;
    }).then((result) => {
      // A freed seat ends every process's "full" answer for this section.
      deps.bus.publish('sections', sectionId);
      return result;
    });
  }

  async function list(studentId: number): Promise<EnrollmentList> {
    const items = await enrollmentItems(db, studentId);
    return { items, totalCredits: items.reduce((s, i) => s + i.credits, 0) };
  }

  async function joinWaitlist(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit<WaitlistJoinResponse>,
  ): Promise<WaitlistJoinResponse> {
    return inTransaction(db, async (trx) => {
      const now = clock.now();
      const { period } = await lockOpenStudent(trx, dialect, actor.id, now);
      await lockSectionRow(trx, dialect, sectionId);
      const section = await findSectionForRegistration(trx, sectionId);
      if (!section) throw notFound('분반 / section');
      // Rules 2-4 as registration checks them: a place on the list is a promise of a seat only to a
      // student who could take it; promotion checks them again.
      assertEligible(await readSchedule(trx, actor.id, section.id), section, period.max_credits);
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
    beforeCommit?: BeforeCommit<null>,
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
