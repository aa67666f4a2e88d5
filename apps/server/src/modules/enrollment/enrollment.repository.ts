import { sql } from 'kysely';
import type { DialectName, PeriodKind } from '@karina/db';
import { hasRowLocks, withRowLock } from '../../platform/locking.js';
import type { Db, Trx } from '../../platform/transactions.js';

/**
 * Takes the student's row lock: every rule about one student's set of sections (duplicates, time
 * conflicts, credits) is checked and changed while holding it, so two parallel requests of one
 * student run one after the other.
 */
export function lockStudent(trx: Trx, dialect: DialectName, studentId: number) {
  return withRowLock(
    trx.selectFrom('students').select(['id', 'year']).where('id', '=', studentId),
    dialect,
  ).executeTakeFirst();
}

/**
 * Takes the section's row lock. Joining a wait-list checks "full?" under it, so a drop that frees
 * the seat at the same moment either runs first (the join sees the free seat) or after (its
 * promotion sees the new entry); the seat can never stay free while someone waits.
 */
export async function lockSectionRow(trx: Trx, dialect: DialectName, sectionId: number): Promise<void> {
  if (!hasRowLocks(dialect)) return;
  await withRowLock(trx.selectFrom('sections').select('id').where('id', '=', sectionId), dialect).execute();
}

export function findSectionForRegistration(db: Db | Trx, sectionId: number) {
  return db
    .selectFrom('sections as s')
    .innerJoin('subjects as j', 'j.id', 's.subject_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .select([
      's.id',
      's.number',
      's.capacity',
      's.taken',
      's.subject_id',
      'j.credits',
      'j.name as subject_name',
      'j.code as subject_code',
      'j.type as subject_type',
      'p.id as professor_id',
      'p.name as professor_name',
    ])
    .where('s.id', '=', sectionId)
    .executeTakeFirst();
}

/** The sections a student holds, with what the rules need: subject and credits. */
export function listHeldSections(db: Db | Trx, studentId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('sections as s', 's.id', 'e.section_id')
    .innerJoin('subjects as j', 'j.id', 'e.subject_id')
    .select([
      'e.section_id',
      'e.subject_id',
      'e.credits',
      's.number',
      'j.name as subject_name',
      'j.code as subject_code',
    ])
    .where('e.student_id', '=', studentId)
    .orderBy('e.section_id')
    .execute();
}

/** The seat check and the seat taking are one statement, so no two transactions can both take the last seat. */
export async function takeSeat(trx: Trx, sectionId: number): Promise<boolean> {
  const result = await trx
    .updateTable('sections')
    .set({ taken: sql`taken + 1` })
    .where('id', '=', sectionId)
    .where(sql<boolean>`taken < capacity`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A group commit's seats, in two statements whatever its size: the sections' rows locked
 * (ascending: the lock order) with their counters, and then one UPDATE adding each section's
 * winners. `want` is how many seats each section's requests ask for; the answer is how many each
 * got (the first ones in the caller's order win). Under the row locks nobody else moves a counter
 * in between.
 */
export async function takeSeats(
  trx: Trx,
  dialect: DialectName,
  want: ReadonlyMap<number, number>,
): Promise<Map<number, number>> {
  const ids = [...want.keys()].sort((a, b) => a - b);
  const granted = new Map<number, number>();
  if (ids.length === 0) return granted;
  const rows = await withRowLock(
    trx.selectFrom('sections').select(['id', 'taken', 'capacity']).where('id', 'in', ids).orderBy('id'),
    dialect,
  ).execute();
  for (const row of rows) {
    const n = Math.min(want.get(row.id) ?? 0, Math.max(0, row.capacity - row.taken));
    if (n > 0) granted.set(row.id, n);
  }
  if (granted.size === 0) return granted;
  const result = await trx
    .updateTable('sections')
    .set({
      taken: sql`taken + case id ${sql.join(
        [...granted].map(([id, n]) => sql`when ${id} then ${n}`),
        sql` `,
      )} else 0 end`,
    })
    .where('id', 'in', [...granted.keys()])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== granted.size) throw new Error('takeSeats: a section row vanished');
  return granted;
}

/**
 * A group commit's enrollments in two statements: the subjects' credits read under a share lock
 * (so they cannot change before commit), then one multi-row INSERT. False, and nothing written,
 * when a subject's credits are no longer the ones the rules were checked with.
 */
export async function insertEnrollmentsIfCredits(
  trx: Trx,
  dialect: DialectName,
  rows: readonly { studentId: number; sectionId: number; subjectId: number; credits: number; now: number }[],
): Promise<boolean> {
  if (rows.length === 0) return true;
  const subjectIds = [...new Set(rows.map((r) => r.subjectId))].sort((a, b) => a - b);
  const subjects = await withRowLock(
    trx.selectFrom('subjects').select(['id', 'credits']).where('id', 'in', subjectIds).orderBy('id'),
    dialect,
    'share',
  ).execute();
  const credits = new Map(subjects.map((s) => [s.id, s.credits]));
  if (rows.some((r) => credits.get(r.subjectId) !== r.credits)) return false;
  await trx
    .insertInto('enrollments')
    .values(
      rows.map((r) => ({
        student_id: r.studentId,
        section_id: r.sectionId,
        subject_id: r.subjectId,
        credits: r.credits,
        created_at: r.now,
      })),
    )
    .execute();
  return true;
}

/**
 * Every caller has just deleted the enrollment row this seat belonged to, so a counter already at 0
 * means the accounting is broken: fail the transaction rather than hide it (the CHECK on
 * sections.taken refuses it in the database as well).
 */
export async function releaseSeat(trx: Trx, sectionId: number): Promise<void> {
  const result = await trx
    .updateTable('sections')
    .set({ taken: sql`taken - 1` })
    .where('id', '=', sectionId)
    .where('taken', '>', 0)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new Error(`releaseSeat: section ${sectionId} has no taken seat to release`);
  }
}

export async function insertEnrollment(
  trx: Trx,
  row: { studentId: number; sectionId: number; subjectId: number; credits: number; now: number },
): Promise<void> {
  await trx
    .insertInto('enrollments')
    .values({
      student_id: row.studentId,
      section_id: row.sectionId,
      subject_id: row.subjectId,
      credits: row.credits,
      created_at: row.now,
    })
    .execute();
}

export async function deleteEnrollment(trx: Trx, studentId: number, sectionId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('enrollments')
    .where('student_id', '=', studentId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteWaitlistEntry(trx: Trx, studentId: number, sectionId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('waitlist_entries')
    .where('student_id', '=', studentId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertWaitlistEntry(
  trx: Trx,
  studentId: number,
  sectionId: number,
  now: number,
): Promise<void> {
  await trx
    .insertInto('waitlist_entries')
    .values({ student_id: studentId, section_id: sectionId, created_at: now })
    .execute();
}

/** 1-based place in the section's queue, counting only the entries ahead of this student's. */
export async function waitlistPosition(
  db: Db | Trx,
  studentId: number,
  sectionId: number,
): Promise<number | undefined> {
  const mine = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where('student_id', '=', studentId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  if (!mine) return undefined;
  const ahead = await db
    .selectFrom('waitlist_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('section_id', '=', sectionId)
    .where('id', '<', mine.id)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

export function listWaitlistHeads(trx: Trx, sectionId: number, limit: number) {
  return trx
    .selectFrom('waitlist_entries')
    .select(['id', 'student_id'])
    .where('section_id', '=', sectionId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function deleteWaitlistById(trx: Trx, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('waitlist_entries').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The student's enrollments with subject, professor and section data, for listing. */
export function listEnrollmentDetails(db: Db | Trx, studentId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('sections as s', 's.id', 'e.section_id')
    .innerJoin('subjects as j', 'j.id', 'e.subject_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .select([
      'e.section_id',
      'e.credits',
      'e.created_at',
      's.number',
      'j.id as subject_id',
      'j.code as subject_code',
      'j.name as subject_name',
      'j.type as subject_type',
      'p.id as professor_id',
      'p.name as professor_name',
    ])
    .where('e.student_id', '=', studentId)
    .orderBy('j.code')
    .execute();
}

export function listWaitlistDetails(db: Db | Trx, studentId: number) {
  return db
    .selectFrom('waitlist_entries as w')
    .innerJoin('sections as s', 's.id', 'w.section_id')
    .innerJoin('subjects as j', 'j.id', 's.subject_id')
    .select([
      'w.id',
      'w.section_id',
      'w.created_at',
      's.number',
      'j.code as subject_code',
      'j.name as subject_name',
      (eb) =>
        eb
          .selectFrom('waitlist_entries as ahead')
          .select((e2) => e2.fn.countAll<number>().as('n'))
          .whereRef('ahead.section_id', '=', 'w.section_id')
          .whereRef('ahead.id', '<', 'w.id')
          .as('ahead'),
    ])
    .where('w.student_id', '=', studentId)
    .orderBy('w.id')
    .execute();
}

/**
 * The students' row locks and everything the rules read about them, in one statement for a whole
 * group commit (students ascending: the lock order; a batch never holds two requests of one
 * student): the held sections (credits as copied at enrollment) and whether a wait-list entry and
 * a cart item for each one's candidate section exist, so the deletes after a seat is taken are
 * sent only when needed. Those two rows are written only under the same student lock (join,
 * leave, cart add), so the answer holds until commit. Per student, one row per held section, or
 * one row with null section_id when none.
 */
export async function lockStudentsWithSchedules(
  trx: Trx,
  dialect: DialectName,
  requests: readonly { studentId: number; sectionId: number }[],
) {
  type Row = Awaited<ReturnType<typeof query.execute>>[number];
  // The section each student asks for, by student: the correlated sub-selects need it per row.
  const wanted =
    requests.length === 1
      ? sql<number>`${requests[0]!.sectionId}`
      : sql<number>`case st.id ${sql.join(
          requests.map((r) => sql`when ${r.studentId} then ${r.sectionId}`),
          sql` `,
        )} end`;
  const query = withRowLock(
    trx
      .selectFrom('students as st')
      .leftJoin('enrollments as e', 'e.student_id', 'st.id')
      .select([
        'st.id',
        'st.year',
        'e.section_id',
        'e.subject_id',
        'e.credits',
        (eb) =>
          eb
            .selectFrom('waitlist_entries as w')
            .select('w.id')
            .whereRef('w.student_id', '=', 'st.id')
            .where('w.section_id', '=', wanted)
            .limit(1)
            .as('waitlist_id'),
        (eb) =>
          eb
            .selectFrom('cart_items as c')
            .select('c.section_id')
            .whereRef('c.student_id', '=', 'st.id')
            .where('c.section_id', '=', wanted)
            .limit(1)
            .as('cart_section_id'),
      ])
      .where(
        'st.id',
        'in',
        requests.map((r) => r.studentId),
      )
      .orderBy('st.id')
      .orderBy('e.section_id'),
    dialect,
  );
  const byStudent = new Map<number, Row[]>();
  for (const row of await query.execute()) {
    let rows = byStudent.get(row.id);
    if (!rows) byStudent.set(row.id, (rows = []));
    rows.push(row);
  }
  return byStudent;
}

/** Registration's periods, all of them (a handful): open ones are picked in memory. */
export function listRegistrationPeriods(db: Db | Trx, kinds: readonly PeriodKind[]) {
  return db
    .selectFrom('periods')
    .selectAll()
    .where('kind', 'in', [...kinds])
    .execute();
}

/** Sections' static data with their meetings, in one statement: one row per meeting (or one with nulls). */
export function findSectionStatics(db: Db | Trx, sectionIds: readonly number[]) {
  return db
    .selectFrom('sections as s')
    .innerJoin('subjects as j', 'j.id', 's.subject_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .leftJoin('section_meetings as m', 'm.section_id', 's.id')
    .select([
      's.id',
      's.number',
      's.capacity',
      's.subject_id',
      'j.credits',
      'j.name as subject_name',
      'j.code as subject_code',
      'j.type as subject_type',
      'p.id as professor_id',
      'p.name as professor_name',
      'm.day',
      'm.start_min',
      'm.end_min',
    ])
    .where('s.id', 'in', [...sectionIds])
    .orderBy('s.id')
    .orderBy('m.id')
    .execute();
}

/**
 * Inserts the enrollment only if the subject still has the credits the rules were checked with,
 * and on MariaDB under a shared lock on the subject row: an admin changing credits (FOR UPDATE,
 * then "no enrollments yet?") waits for this transaction and then sees its enrollment, or ran
 * first and this insert sees the new credits and inserts nothing. False: credits changed.
 * One statement, so the hot path keeps its round trips; InnoDB holds the table's AUTO-INC lock
 * for the whole of an INSERT ... SELECT and can deadlock on it against another process's drop,
 * which it reports as 1467 and the transaction then runs again (platform/db-errors.ts).
 */
export async function insertEnrollmentIfCredits(
  trx: Trx,
  dialect: DialectName,
  row: { studentId: number; sectionId: number; subjectId: number; credits: number; now: number },
): Promise<boolean> {
  const source = withRowLock(
    trx
      .selectFrom('subjects as j')
      .select([
        sql<number>`${row.studentId}`.as('student_id'),
        sql<number>`${row.sectionId}`.as('section_id'),
        'j.id as subject_id',
        'j.credits',
        sql<number>`${row.now}`.as('created_at'),
      ])
      .where('j.id', '=', row.subjectId)
      .where('j.credits', '=', row.credits),
    dialect,
    'share',
  );
  const result = await trx
    .insertInto('enrollments')
    .columns(['student_id', 'section_id', 'subject_id', 'credits', 'created_at'])
    .expression(source)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Whether the section is still full, and who holds it: what a SECTION_FULL refusal remembers. */
export function findSectionRoster(db: Db, sectionId: number) {
  return db
    .selectFrom('sections as s')
    .leftJoin('enrollments as e', 'e.section_id', 's.id')
    .select(['s.capacity', 's.taken', 'e.student_id'])
    .where('s.id', '=', sectionId)
    .execute();
}
