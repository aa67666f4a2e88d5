import type { Weekday } from '../../packages/db/src/tables/section-meetings.js';
import type { SubjectType } from '../../packages/db/src/tables/subjects.js';
import { hashPassword } from '../../apps/server/src/platform/passwords.js';
import { createSession } from '../../apps/server/src/platform/sessions.js';
import type { Db } from '../../apps/server/src/platform/transactions.js';

export interface SeedOptions {
  students: number;
  /** Seats in the hot section. */
  capacity: number;
  now: number;
  sessionTtlMs: number;
  /** How many sessions are created at once (MariaDB gains from a few; SQLite has one connection). */
  concurrency: number;
  onProgress?: (phase: 'students' | 'sessions', done: number, total: number) => void;
}

export interface Seeded {
  /** One bearer token per student, in student order. */
  tokens: string[];
  hotSectionId: number;
  /** Sections of another subject that never fill: one per group of students. */
  spreadSectionIds: number[];
  spreadCapacity: number;
  sections: number;
}

/** Sections the "spread registration" scenario shares the students among. */
export const SPREAD_SECTIONS = 20;
const FILLER_SUBJECTS = 20;
const STUDENT_CHUNK = 500;

type MeetingSpec = [Weekday, number, number];
const at = (h: number, m = 0) => h * 60 + m;

// Hot and spread meetings never overlap, so a student may hold both (3 + 3 credits, well under 18).
const HOT_MEETINGS: MeetingSpec[] = [
  ['MON', at(9), at(10, 30)],
  ['WED', at(9), at(10, 30)],
];
const SPREAD_MEETINGS: MeetingSpec[] = [
  ['TUE', at(13), at(14, 30)],
  ['THU', at(13), at(14, 30)],
];
const DAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FILLER_NAMES = [
  '운영체제',
  '컴퓨터네트워크',
  '데이터베이스',
  '알고리즘',
  '컴파일러',
  '소프트웨어공학',
  '인공지능',
  '기계학습',
  '컴퓨터구조',
  '이산수학',
  '선형대수',
  '확률과통계',
  '정보보호',
  '분산시스템',
  '웹프로그래밍',
  '모바일프로그래밍',
  '클라우드컴퓨팅',
  '컴퓨터그래픽스',
  '자연어처리',
  '캡스톤디자인',
];

async function insertSubject(
  db: Db,
  departmentId: number,
  code: string,
  name: string,
  type: SubjectType,
  now: number,
): Promise<number> {
  const r = await db
    .insertInto('subjects')
    .values({
      code,
      name,
      department_id: departmentId,
      credits: 3,
      type,
      target_year: null,
      description: null,
      created_at: now,
    })
    .executeTakeFirstOrThrow();
  return Number(r.insertId);
}

async function insertSection(
  db: Db,
  section: { subjectId: number; professorId: number; number: number; capacity: number; now: number },
  meetings: MeetingSpec[],
): Promise<number> {
  const r = await db
    .insertInto('sections')
    .values({
      subject_id: section.subjectId,
      professor_id: section.professorId,
      number: section.number,
      capacity: section.capacity,
      taken: 0,
      created_at: section.now,
    })
    .executeTakeFirstOrThrow();
  const id = Number(r.insertId);
  await db
    .insertInto('section_meetings')
    .values(meetings.map(([day, start, end]) => ({ section_id: id, day, start_min: start, end_min: end })))
    .execute();
  return id;
}

/**
 * A department, N students with one shared Argon2id hash and one session each, the hot section,
 * the spread sections, filler sections for the catalog page, and a registration period open now.
 */
export async function seedOpeningSecond(db: Db, options: SeedOptions): Promise<Seeded> {
  const { now } = options;
  const department = await db
    .insertInto('departments')
    .values({ code: '07', name: '컴퓨터공학과', created_at: now })
    .executeTakeFirstOrThrow();
  const departmentId = Number(department.insertId);
  const professorIds: number[] = [];
  for (const name of ['김교수', '이교수', '박교수', '최교수']) {
    const r = await db
      .insertInto('professors')
      .values({ department_id: departmentId, name, created_at: now })
      .executeTakeFirstOrThrow();
    professorIds.push(Number(r.insertId));
  }
  const professor = (i: number) => professorIds[i % professorIds.length] ?? 0;

  const hotSubject = await insertSubject(db, departmentId, 'B0001', '자료구조', 'major_required', now);
  const hotSectionId = await insertSection(
    db,
    { subjectId: hotSubject, professorId: professor(0), number: 1, capacity: options.capacity, now },
    HOT_MEETINGS,
  );

  const spreadCapacity = Math.ceil(options.students / SPREAD_SECTIONS) + 10;
  const spreadSubject = await insertSubject(db, departmentId, 'B0002', '대학영어', 'general', now);
  const spreadSectionIds: number[] = [];
  for (let i = 0; i < SPREAD_SECTIONS; i++) {
    spreadSectionIds.push(
      await insertSection(
        db,
        {
          subjectId: spreadSubject,
          professorId: professor(i + 1),
          number: i + 1,
          capacity: spreadCapacity,
          now,
        },
        SPREAD_MEETINGS,
      ),
    );
  }

  for (let i = 0; i < FILLER_SUBJECTS; i++) {
    const subjectId = await insertSubject(
      db,
      departmentId,
      `B${String(i + 3).padStart(4, '0')}`,
      FILLER_NAMES[i] ?? `과목${i}`,
      'major_elective',
      now,
    );
    const day = DAYS[i % DAYS.length] ?? 'FRI';
    const start = at(9 + (i % 8));
    await insertSection(db, { subjectId, professorId: professor(i), number: 1, capacity: 40, now }, [
      [day, start, start + 90],
    ]);
  }

  await db
    .insertInto('periods')
    .values({
      name: '벤치마크 수강신청',
      kind: 'registration',
      opens_at: now - 3_600_000,
      closes_at: now + 6 * 3_600_000,
      years_mask: 0b1111,
      max_credits: 18,
      created_at: now,
    })
    .execute();

  const passwordHash = await hashPassword(`bench-${now}-password`);
  for (let i = 0; i < options.students; i += STUDENT_CHUNK) {
    const rows = [];
    for (let n = i; n < Math.min(options.students, i + STUDENT_CHUNK); n++) {
      const year = 1 + (n % 4);
      rows.push({
        student_no: String(9_000_000 + n),
        name: `학생${n + 1}`,
        department_id: departmentId,
        entry_year: 2026 - (year - 1),
        year,
        tel: null,
        email: null,
        birth_date: null,
        postcode: null,
        address1: null,
        address2: null,
        password_hash: passwordHash,
        must_change_password: 0,
        created_at: now,
      });
    }
    await db.insertInto('students').values(rows).execute();
    options.onProgress?.('students', i + rows.length, options.students);
  }
  const studentIds = (await db.selectFrom('students').select('id').orderBy('student_no').execute()).map(
    (s) => s.id,
  );

  const tokens: string[] = new Array<string>(studentIds.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < studentIds.length; i = next++) {
      const userId = studentIds[i] ?? 0;
      tokens[i] = (
        await createSession(db, { role: 'student', userId, now, ttlMs: options.sessionTtlMs })
      ).token;
      if (++done % 100 === 0 || done === studentIds.length) {
        options.onProgress?.('sessions', done, studentIds.length);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));

  return {
    tokens,
    hotSectionId,
    spreadSectionIds,
    spreadCapacity,
    sections: 1 + SPREAD_SECTIONS + FILLER_SUBJECTS,
  };
}
