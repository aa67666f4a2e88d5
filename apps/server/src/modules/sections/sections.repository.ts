import type { Updateable } from 'kysely';
import type { DialectName, SectionsTable } from '@karina/db';
import { nextSequenceValue } from '../../platform/codes.js';
import type { Db, Trx } from '../../platform/transactions.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import { hasRowLocks, withRowLock } from '../../platform/locking.js';

export interface SectionFilter {
  subjectId?: number;
  departmentId?: number;
  id?: number;
}

/** One query for the sections with their counts; meetings come in a second one (no N+1). */
export function listSections(db: Db | Trx, filter: SectionFilter) {
  return db
    .selectFrom('sections')
    .innerJoin('subjects', 'subjects.id', 'sections.subject_id')
    .innerJoin('departments', 'departments.id', 'subjects.department_id')
    .leftJoin('professors', 'professors.id', 'sections.professor_id')
    .select((eb) => [
      'sections.id',
      'sections.number',
      'sections.capacity',
      'sections.taken',
      'subjects.id as subject_id',
      'subjects.code as subject_code',
      'subjects.name as subject_name',
      'subjects.credits',
      'subjects.type',
      'departments.id as department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'professors.id as professor_id',
      'professors.name as professor_name',
      eb
        .selectFrom('enrollments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('enrollments.section_id', '=', 'sections.id')
        .as('enrolled'),
      eb
        .selectFrom('waitlist_entries')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('waitlist_entries.section_id', '=', 'sections.id')
        .as('waitlisted'),
    ])
    .$if(filter.id !== undefined, (q) => q.where('sections.id', '=', filter.id ?? 0))
    .$if(filter.subjectId !== undefined, (q) => q.where('sections.subject_id', '=', filter.subjectId ?? 0))
    .$if(filter.departmentId !== undefined, (q) =>
      q.where('subjects.department_id', '=', filter.departmentId ?? 0),
    )
    .orderBy('subjects.code')
    .orderBy('sections.number')
    .execute();
}

export type SectionRow = Awaited<ReturnType<typeof listSections>>[number];

/** Locks the subject, so two sections of one subject never take the same 분반 number. */
export function lockSubject(trx: Trx, dialect: DialectName, id: number) {
  return trx
    .selectFrom('subjects')
    .select(['id', 'code'])
    .where('id', '=', id)
    .$call((q) => withRowLock(q, dialect))
    .executeTakeFirst();
}

export function findProfessor(db: Db | Trx, id: number) {
  return db.selectFrom('professors').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/**
 * The next 분반 number of a subject: from a sequence that only grows, so a deleted section's number
 * is never handed out again, but never below max(number) + 1 of the sections that exist (seeded rows
 * carry their numbers without a sequence row); when the existing maximum wins, the sequence moves past
 * it. Call with the subject row locked.
 */
export async function nextSectionNumber(trx: Trx, dialect: DialectName, subjectId: number): Promise<number> {
  const name = `section:${subjectId}`;
  const fromSequence = await nextSequenceValue(trx, dialect, name);
  const row = await trx
    .selectFrom('sections')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  const number = Math.max(fromSequence, Number(row?.n ?? 0) + 1);
  if (number > fromSequence) {
    await trx
      .updateTable('code_sequences')
      .set({ next_value: number + 1 })
      .where('name', '=', name)
      .execute();
  }
  return number;
}

export async function insertSection(
  trx: Trx,
  row: { subjectId: number; professorId: number | null; number: number; capacity: number; createdAt: number },
): Promise<number> {
  const result = await trx
    .insertInto('sections')
    .values({
      subject_id: row.subjectId,
      professor_id: row.professorId,
      number: row.number,
      capacity: row.capacity,
      taken: 0,
      created_at: row.createdAt,
    })
    .executeTakeFirst();
  return Number(result.insertId);
}

export async function replaceMeetings(trx: Trx, sectionId: number, meetings: MeetingTimes[]): Promise<void> {
  await trx.deleteFrom('section_meetings').where('section_id', '=', sectionId).execute();
  if (meetings.length === 0) return;
  await trx
    .insertInto('section_meetings')
    .values(meetings.map((m) => ({ section_id: sectionId, ...m })))
    .execute();
}

/** The seat counter is changed by registrations under this lock, so capacity checks see the real count. */
export function lockSection(trx: Trx, dialect: DialectName, id: number) {
  return trx
    .selectFrom('sections')
    .select(['id', 'subject_id', 'professor_id', 'number', 'capacity', 'taken'])
    .where('id', '=', id)
    .$call((q) => withRowLock(q, dialect))
    .executeTakeFirst();
}

export async function updateSection(trx: Trx, id: number, patch: Updateable<SectionsTable>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('sections').set(patch).where('id', '=', id).execute();
}

export async function enrolledStudentIds(trx: Trx, sectionId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('enrollments')
    .select('student_id')
    .where('section_id', '=', sectionId)
    .orderBy('student_id')
    .execute();
  return rows.map((r) => r.student_id);
}

/**
 * Takes the row locks of students (MariaDB; SQLite write transactions are already serial), in id
 * order, after the section's lock: the same order as a wait-list promotion, so registrations of these
 * students wait until their held sections' meetings are settled.
 */
export async function lockStudents(
  trx: Trx,
  dialect: DialectName,
  studentIds: readonly number[],
): Promise<void> {
  if (!hasRowLocks(dialect) || studentIds.length === 0) return;
  await trx
    .selectFrom('students')
    .select('id')
    .where('id', 'in', studentIds)
    .orderBy('id')
    .$call((q) => withRowLock(q, dialect))
    .execute();
}

/** In one query: the meetings of every other section held by the students enrolled in this one. */
export function otherSectionMeetingsOfEnrolled(trx: Trx, sectionId: number) {
  return trx
    .selectFrom('enrollments as e')
    .innerJoin('section_meetings as m', 'm.section_id', 'e.section_id')
    .select(['e.student_id', 'e.section_id', 'm.day', 'm.start_min', 'm.end_min'])
    .where('e.student_id', 'in', (eb) =>
      eb.selectFrom('enrollments as mine').select('mine.student_id').where('mine.section_id', '=', sectionId),
    )
    .where('e.section_id', '<>', sectionId)
    .execute();
}

/** Meetings and every cart, enrollment and wait-list row of the section go by cascade. */
export async function deleteSection(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('sections').where('id', '=', id).execute();
}

const ROSTER_COLUMNS = [
  'students.id as student_id',
  'students.student_no',
  'students.name',
  'students.year',
  'departments.id as department_id',
  'departments.code as department_code',
  'departments.name as department_name',
] as const;

export function enrolledStudents(db: Db, sectionId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('students', 'students.id', 'enrollments.student_id')
    .innerJoin('departments', 'departments.id', 'students.department_id')
    .select([...ROSTER_COLUMNS, 'enrollments.created_at'])
    .where('enrollments.section_id', '=', sectionId)
    .orderBy('enrollments.id')
    .execute();
}

/** In queue order: the lowest id gets the next freed seat. */
export function waitlistedStudents(db: Db, sectionId: number) {
  return db
    .selectFrom('waitlist_entries')
    .innerJoin('students', 'students.id', 'waitlist_entries.student_id')
    .innerJoin('departments', 'departments.id', 'students.department_id')
    .select([...ROSTER_COLUMNS, 'waitlist_entries.created_at'])
    .where('waitlist_entries.section_id', '=', sectionId)
    .orderBy('waitlist_entries.id')
    .execute();
}
