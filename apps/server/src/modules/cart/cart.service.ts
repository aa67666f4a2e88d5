import type { StudentActor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db-errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { BeforeCommit } from '../../platform/idempotency.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Db, Trx } from '../../platform/transactions.js';
import { professorOrTba } from '../catalog/catalog.professor.js';
import { listHeldSections, lockStudent } from '../enrollment/enrollment.repository.js';
import {
  assertNoTimeConflict,
  assertNotHeld,
  assertWithinCreditLimit,
} from '../enrollment/enrollment.rules.js';
import type { CandidateSection, HeldSection } from '../enrollment/enrollment.rules.js';
import { REGISTRATION_KINDS } from '../enrollment/enrollment.service.js';
import type { EnrollmentService } from '../enrollment/enrollment.service.js';
import { anyMeetingsOverlap, groupMeetingRows, timesToMeeting } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import { findOpenPeriod } from '../periods/periods.repository.js';
import type { Cart, CartItem, CheckoutResult } from './cart.schema.js';
import {
  countCartItems,
  deleteOwnCartItem,
  findNextPeriod,
  findStudentYear,
  insertCartItem,
  listCartRows,
  sectionExists,
} from './cart.repository.js';

/** A cart (예비수강신청) can be edited while any cart, registration or add/drop period is open for the student's year. */
const CART_KINDS = ['cart', 'registration', 'add_drop'] as const;
const MAX_CART_ITEMS = 40;

type Warning = CartItem['warnings'][number];

/** The rule an assert refuses, as a warning; undefined when it passes. */
function violation(check: () => void): Warning | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const sectionId = error.details?.sectionId;
    return {
      code: error.code,
      message: error.message,
      ...(typeof sectionId === 'number' ? { sectionId } : {}),
    };
  }
}

/**
 * What registering this item on its own would answer now, from the same asserts registration uses:
 * every held section that conflicts is named (registration names only the first).
 */
function ruleWarnings(
  held: readonly HeldSection[],
  meetings: ReadonlyMap<number, readonly MeetingTimes[]>,
  item: CandidateSection,
  maxCredits: number | undefined,
): Warning[] {
  const notHeld = violation(() => assertNotHeld(held, item));
  if (notHeld?.code === 'ALREADY_ENROLLED') return [notHeld];
  const warnings: Warning[] = notHeld ? [notHeld] : [];
  for (const h of held) {
    const conflict = violation(() => assertNoTimeConflict([h], meetings, item));
    if (conflict) warnings.push(conflict);
  }
  if (maxCredits !== undefined) {
    const credits = violation(() => assertWithinCreditLimit(held, item, maxCredits));
    if (credits) warnings.push(credits);
  }
  return warnings;
}

export function createCartService(deps: AppDeps, enrollment: EnrollmentService) {
  const { db, clock, dialect } = deps;

  async function assertCartOpen(studentId: number): Promise<void> {
    const student = await findStudentYear(db, studentId);
    if (!student) throw new AppError('UNAUTHENTICATED');
    const period = await findOpenPeriod(db, CART_KINDS, student.year, clock.now());
    if (!period)
      throw new AppError(
        'REGISTRATION_CLOSED',
        '장바구니 기간이 아닙니다 / No cart or registration period is open',
      );
  }

  /**
   * The credit cap a checkout would meet: the open registration or add/drop period's, else the next
   * one's for the student's year; none known, no CREDIT_LIMIT warning
   * (docs/decisions/0004-registration-rules-in-one-home.md).
   */
  async function findCreditCap(q: Db | Trx, studentId: number): Promise<number | undefined> {
    const student = await findStudentYear(q, studentId);
    if (!student) return undefined;
    const now = clock.now();
    const period =
      (await findOpenPeriod(q, REGISTRATION_KINDS, student.year, now)) ??
      (await findNextPeriod(q, REGISTRATION_KINDS, student.year, now));
    return period?.max_credits;
  }

  /** The cart with warnings a student can act on before the opening second; nothing is reserved. */
  async function get(studentId: number, q: Db | Trx = db): Promise<Cart> {
    const rows = await listCartRows(q, studentId);
    const held = await listHeldSections(q, studentId);
    const maxCredits = rows.length > 0 ? await findCreditCap(q, studentId) : undefined;
    const meetings = groupMeetingRows(
      await findMeetingRows(q, [...rows.map((r) => r.section_id), ...held.map((h) => h.section_id)]),
    );
    const items: CartItem[] = rows.map((r) => {
      const mine = meetings.get(r.section_id) ?? [];
      const candidate = { id: r.section_id, subject_id: r.subject_id, credits: r.credits };
      const warnings = ruleWarnings(held, meetings, candidate, maxCredits);
      if (!warnings.some((w) => w.code === 'ALREADY_ENROLLED')) {
        // Between cart items: what checking out the whole cart would run into.
        for (const other of rows) {
          if (other.section_id === r.section_id) continue;
          if (other.subject_id === r.subject_id) {
            warnings.push({
              code: 'SAME_SUBJECT',
              message: `장바구니의 같은 교과목 ${other.number}분반 / Same subject as cart item ${other.subject_code}-${other.number}`,
              sectionId: other.section_id,
            });
          } else if (anyMeetingsOverlap(mine, meetings.get(other.section_id) ?? [])) {
            warnings.push({
              code: 'TIME_CONFLICT',
              message: `장바구니의 ${other.subject_name} ${other.number}분반과 시간이 겹칩니다 / Overlaps cart item ${other.subject_code}-${other.number}`,
              sectionId: other.section_id,
            });
          }
        }
      }
      if (r.taken >= r.capacity)
        warnings.push({ code: 'SECTION_FULL', message: '정원이 마감되었습니다 / Section is full' });
      return {
        sectionId: r.section_id,
        sectionNumber: r.number,
        subject: { id: r.subject_id, code: r.subject_code, name: r.subject_name, type: r.subject_type },
        credits: r.credits,
        professor: professorOrTba(r.professor_id, r.professor_name),
        capacity: r.capacity,
        enrolled: r.taken,
        meetings: mine.map(timesToMeeting),
        addedAt: new Date(r.created_at).toISOString(),
        warnings,
      };
    });
    return { items, totalCredits: items.reduce((s, i) => s + i.credits, 0) };
  }

  async function add(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit<CartItem>,
  ): Promise<CartItem> {
    await assertCartOpen(actor.id);
    if (!(await sectionExists(db, sectionId))) throw notFound('분반 / section');
    return inTransaction(db, async (trx) => {
      // The student's lock makes "count, then insert" one step, so parallel adds cannot pass the cap.
      await lockStudent(trx, dialect, actor.id);
      const { n } = await countCartItems(trx, actor.id);
      if (Number(n) >= MAX_CART_ITEMS)
        throw new AppError(
          'CART_FULL',
          `장바구니에는 ${MAX_CART_ITEMS}개까지 담을 수 있습니다 / A cart holds at most ${MAX_CART_ITEMS} sections`,
        );
      try {
        await insertCartItem(trx, actor.id, sectionId, clock.now());
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ALREADY_IN_CART');
        if (isForeignKeyViolation(error)) throw notFound('분반 / section');
        throw error;
      }
      await writeAudit(trx, actor, { action: 'cart.add', target: `section:${sectionId}` }, clock.now());
      const item = (await get(actor.id, trx)).items.find((i) => i.sectionId === sectionId);
      if (!item) throw new AppError('NOT_IN_CART');
      await beforeCommit?.(trx, item);
      return item;
    });
  }

  async function remove(
    actor: StudentActor,
    sectionId: number,
    beforeCommit?: BeforeCommit<null>,
  ): Promise<null> {
    return inTransaction(db, async (trx) => {
      if (!(await deleteOwnCartItem(trx, actor.id, sectionId))) throw new AppError('NOT_IN_CART');
      await writeAudit(trx, actor, { action: 'cart.remove', target: `section:${sectionId}` }, clock.now());
      await beforeCommit?.(trx, null);
      return null;
    });
  }

  /** Registers every cart item in cart order, each in its own transaction, and reports each outcome. */
  async function checkout(actor: StudentActor): Promise<CheckoutResult> {
    const rows = await listCartRows(db, actor.id);
    const results: CheckoutResult['results'] = [];
    for (const row of rows) {
      try {
        const { enrollment: item } = await enrollment.register(actor, row.section_id);
        results.push({ sectionId: row.section_id, ok: true, enrollment: item });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        results.push({
          sectionId: row.section_id,
          ok: false,
          error: { code: error.code, message: error.message },
        });
      }
    }
    const enrolled = results.filter((r) => r.ok).length;
    return { results, enrolled, failed: results.length - enrolled };
  }

  return { get, add, remove, checkout };
}
