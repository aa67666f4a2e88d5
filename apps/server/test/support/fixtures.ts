import type { PeriodKind, SubjectType, Weekday } from '@karina/db';
import type { Db } from '../../src/platform/transactions.js';
import { fixturePasswordHash } from './app.js';

let seq = 0;
const next = () => ++seq;

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export async function makeDepartment(
  db: Db,
  name = `학과${next()}`,
  explicitCode?: string,
): Promise<{ id: number; code: string }> {
  let code = explicitCode;
  if (code === undefined) {
    const used = new Set((await db.selectFrom('departments').select('code').execute()).map((d) => d.code));
    let n = 10;
    while (used.has(String(n))) n++;
    code = String(n);
  }
  const r = await db
    .insertInto('departments')
    .values({ code, name, created_at: 0 })
    .executeTakeFirstOrThrow();
  return { id: Number(r.insertId), code };
}

export async function makeProfessor(db: Db, departmentId: number, name = `교수${next()}`): Promise<number> {
  const r = await db
    .insertInto('professors')
    .values({ department_id: departmentId, name, created_at: 0 })
    .executeTakeFirstOrThrow();
  return Number(r.insertId);
}

export async function makeSubject(
  db: Db,
  departmentId: number,
  options: {
    credits?: number;
    name?: string;
    type?: SubjectType;
    targetYear?: number | null;
    code?: string;
  } = {},
): Promise<number> {
  const n = next();
  const r = await db
    .insertInto('subjects')
    .values({
      code: options.code ?? `T${String(n).padStart(6, '0')}`,
      name: options.name ?? `과목${n}`,
      department_id: departmentId,
      credits: options.credits ?? 3,
      type: options.type ?? 'major_elective',
      target_year: options.targetYear ?? null,
      description: null,
      created_at: 0,
    })
    .executeTakeFirstOrThrow();
  return Number(r.insertId);
}

export type MeetingSpec = readonly [Weekday, string, string];

export async function makeSection(
  db: Db,
  subjectId: number,
  options: {
    capacity?: number;
    meetings?: readonly MeetingSpec[];
    professorId?: number | null;
    number?: number;
  } = {},
): Promise<number> {
  const number =
    options.number ??
    Number(
      (
        await db
          .selectFrom('sections')
          .select((eb) => eb.fn.coalesce(eb.fn.max('number'), eb.val(0)).as('n'))
          .where('subject_id', '=', subjectId)
          .executeTakeFirstOrThrow()
      ).n,
    ) + 1;
  const r = await db
    .insertInto('sections')
    .values({
      subject_id: subjectId,
      professor_id: options.professorId ?? null,
      number,
      capacity: options.capacity ?? 30,
      taken: 0,
      created_at: 0,
    })
    .executeTakeFirstOrThrow();
  const id = Number(r.insertId);
  const meetings = options.meetings ?? [];
  if (meetings.length > 0) {
    await db
      .insertInto('section_meetings')
      .values(
        meetings.map(([day, start, end]) => ({
          section_id: id,
          day,
          start_min: minutes(start),
          end_min: minutes(end),
        })),
      )
      .execute();
  }
  return id;
}

/** Inserts students directly (one shared fixture hash) and returns their ids in order. */
export async function makeStudents(
  db: Db,
  departmentId: number,
  count: number,
  options: { year?: number; mustChangePassword?: boolean; tel?: string } = {},
): Promise<number[]> {
  const hash = await fixturePasswordHash();
  const ids: number[] = [];
  const rows = Array.from({ length: count }, () => {
    const n = next();
    return {
      student_no: `9${String(n).padStart(6, '0')}`,
      name: `학생${n}`,
      department_id: departmentId,
      entry_year: 2026 - ((options.year ?? 1) - 1),
      year: options.year ?? 1,
      tel: options.tel ?? null,
      email: null,
      birth_date: null,
      postcode: null,
      address1: null,
      address2: null,
      password_hash: hash,
      must_change_password: options.mustChangePassword ? 1 : 0,
      created_at: 0,
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await db.insertInto('students').values(chunk).execute();
    const found = await db
      .selectFrom('students')
      .select(['id', 'student_no'])
      .where(
        'student_no',
        'in',
        chunk.map((c) => c.student_no),
      )
      .execute();
    const byNo = new Map(found.map((f) => [f.student_no, f.id]));
    for (const c of chunk) ids.push(byNo.get(c.student_no) ?? -1);
  }
  return ids;
}

export async function makePeriod(
  db: Db,
  options: { opensAt: number; closesAt: number; kind?: PeriodKind; years?: number[]; maxCredits?: number },
): Promise<number> {
  const mask = (options.years ?? [1, 2, 3, 4]).reduce((m, y) => m | (1 << (y - 1)), 0);
  const r = await db
    .insertInto('periods')
    .values({
      name: '테스트 수강신청',
      kind: options.kind ?? 'registration',
      opens_at: options.opensAt,
      closes_at: options.closesAt,
      years_mask: mask,
      max_credits: options.maxCredits ?? 18,
      created_at: 0,
    })
    .executeTakeFirstOrThrow();
  return Number(r.insertId);
}

/** Seats counter and enrollment rows of one section, read straight from the database. */
export async function seatState(
  db: Db,
  sectionId: number,
): Promise<{ taken: number; rows: number; capacity: number }> {
  const s = await db
    .selectFrom('sections')
    .select(['taken', 'capacity'])
    .where('id', '=', sectionId)
    .executeTakeFirstOrThrow();
  const c = await db
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('section_id', '=', sectionId)
    .executeTakeFirstOrThrow();
  return { taken: s.taken, rows: Number(c.n), capacity: s.capacity };
}

/** An enrollment row plus the seat counter, as registration keeps them, without the rules. */
export async function insertEnrollment(db: Db, studentId: number, sectionId: number, at = 0): Promise<void> {
  const section = await db
    .selectFrom('sections as s')
    .innerJoin('subjects as j', 'j.id', 's.subject_id')
    .select(['s.subject_id', 'j.credits'])
    .where('s.id', '=', sectionId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('enrollments')
    .values({
      student_id: studentId,
      section_id: sectionId,
      subject_id: section.subject_id,
      credits: section.credits,
      created_at: at,
    })
    .execute();
  await db
    .updateTable('sections')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', sectionId)
    .execute();
}

export async function insertWaitlistEntry(
  db: Db,
  studentId: number,
  sectionId: number,
  at = 0,
): Promise<void> {
  await db
    .insertInto('waitlist_entries')
    .values({ student_id: studentId, section_id: sectionId, created_at: at })
    .execute();
}

export async function insertCartItem(db: Db, studentId: number, sectionId: number, at = 0): Promise<void> {
  await db
    .insertInto('cart_items')
    .values({ student_id: studentId, section_id: sectionId, created_at: at })
    .execute();
}
