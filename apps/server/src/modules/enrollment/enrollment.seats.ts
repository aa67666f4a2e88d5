import type { Actor } from '../../platform/actor.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Trx } from '../../platform/transactions.js';
import { fillFreedSeats as fill, releaseStudentSeatsInTrx } from './enrollment.service.js';

/**
 * Gives back every seat a student holds before the student row is deleted: each enrollment is
 * dropped as if the student had dropped it (seat counter down, wait-list head promoted), all in
 * the caller's transaction. The foreign-key cascade then removes cart and wait-list rows.
 */
export async function releaseStudentSeats(
  trx: Trx,
  deps: AppDeps,
  actor: Actor,
  studentId: number,
): Promise<void> {
  await releaseStudentSeatsInTrx(trx, deps, actor, studentId);
}

/** After a capacity increase: hands the new seats to the wait-list in the caller's transaction. */
export async function fillFreedSeats(
  trx: Trx,
  deps: AppDeps,
  actor: Actor,
  sectionId: number,
): Promise<void> {
  await fill(trx, deps, actor, sectionId);
}
