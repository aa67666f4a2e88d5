import type { Weekday } from '../../packages/db/src/tables/section-meetings.js';
import type { SubjectType } from '../../packages/db/src/tables/subjects.js';
import { hashPassword } from '../../apps/server/src/platform/passwords.js';
import { createSession } from '../../apps/server/src/platform/sessions.js';
import type { Db } from '../../apps/server/src/platform/transactions.js';

/** Sections the `uncontended` scenario shares the students among. */
export const SPREAD_SECTIONS = 20;
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

/** Issue 7's scenarios: what was seeded for each, see seedScenarios. */
export interface ScenarioSeed {
  /** One bearer token per student, in student order. */
  tokens: string[];
  /** Per set (0: one process, 1: two processes behind haproxy): the 40-seat hot section. */
  hotSectionIds: [number, number];
  /** Per set: sections with room for every `uncontended` registration, one per group of students. */
  spreadSectionIds: [number[], number[]];
  /** opening: per time slot, its sections; the first OPENING_HOT of each are the popular ones. */
  openingSlots: number[][];
  /** opening: student i's six sections, one per slot. */
  carts: number[][];
  /** overload: one-credit sections in 30-minute slots, each with a seat for every student. */
  overloadSectionIds: number[];
  sections: number;
}

export interface ScenarioSeedOptions {
  students: number;
  /** Students in the opening (their carts are drawn for the first `opening` students). */
  opening: number;
  /** Registrations per `uncontended` run (a seat for each across the spread sections). */
  uncontended: number;
  hotCapacity: number;
  now: number;
  sessionTtlMs: number;
  concurrency: number;
  onProgress?: (phase: 'students' | 'sessions', done: number, total: number) => void;
}

export const OPENING_SLOTS = 6;
export const OPENING_SECTIONS_PER_SLOT = 10;
/** 20% of each slot's sections... */
export const OPENING_HOT = 2;
/** ...get 80% of the requests. */
export const OPENING_HOT_SHARE = 0.8;
/** Seats per opening section, as a share of the students: the popular ones fill, the others do not. */
const OPENING_SEAT_SHARE = 0.08;
export const OVERLOAD_SECTIONS = 40;

/** A small deterministic PRNG (mulberry32), so two runs draw the same carts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Everything issue 7's scenarios need, in one database: students may take part in several
 * scenarios because no two scenarios' meetings overlap and the period allows 99 credits.
 */
export async function seedScenarios(db: Db, options: ScenarioSeedOptions): Promise<ScenarioSeed> {
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
  let codes = 0;
  let sections = 0;
  const subject = async (name: string, type: SubjectType, credits = 3) => {
    const r = await db
      .insertInto('subjects')
      .values({
        code: `B${String(++codes).padStart(4, '0')}`,
        name,
        department_id: departmentId,
        credits,
        type,
        target_year: null,
        description: null,
        created_at: now,
      })
      .executeTakeFirstOrThrow();
    return Number(r.insertId);
  };
  const section = async (subjectId: number, number: number, capacity: number, meetings: MeetingSpec[]) => {
    sections++;
    return insertSection(db, { subjectId, professorId: professor(number), number, capacity, now }, meetings);
  };

  const hotSectionIds: [number, number] = [
    await section(await subject('자료구조', 'major_required'), 1, options.hotCapacity, HOT_MEETINGS),
    await section(await subject('자료구조(분반2)', 'major_required'), 1, options.hotCapacity, [
      ['SAT', at(16), at(17, 30)],
    ]),
  ];
  const spreadCapacity = Math.ceil(options.uncontended / SPREAD_SECTIONS) + 10;
  const spreadSectionIds: [number[], number[]] = [[], []];
  for (const [set, meetings] of [SPREAD_MEETINGS, [['FRI', at(16), at(17, 30)]] as MeetingSpec[]].entries()) {
    const subjectId = await subject(set === 0 ? '대학영어' : '대학영어(분반2)', 'general');
    for (let i = 0; i < SPREAD_SECTIONS; i++) {
      spreadSectionIds[set]?.push(await section(subjectId, i + 1, spreadCapacity, meetings));
    }
  }

  const slotMeetings: MeetingSpec[] = [
    ['FRI', at(9), at(10, 30)],
    ['FRI', at(10, 30), at(12)],
    ['FRI', at(13), at(14, 30)],
    ['SAT', at(9), at(10, 30)],
    ['SAT', at(10, 30), at(12)],
    ['SAT', at(13), at(14, 30)],
  ];
  const openingCapacity = Math.max(1, Math.ceil(options.opening * OPENING_SEAT_SHARE));
  const openingSlots: number[][] = [];
  for (let slot = 0; slot < OPENING_SLOTS; slot++) {
    const subjectId = await subject(FILLER_NAMES[slot] ?? `과목${slot}`, 'major_elective');
    const ids: number[] = [];
    for (let i = 0; i < OPENING_SECTIONS_PER_SLOT; i++) {
      ids.push(
        await section(subjectId, i + 1, openingCapacity, [slotMeetings[slot] ?? ['FRI', at(9), at(10)]]),
      );
    }
    openingSlots.push(ids);
  }
  const draw = random(7);
  const carts: number[][] = [];
  for (let s = 0; s < options.opening; s++) {
    carts.push(
      openingSlots.map((ids) => {
        const r = draw();
        const index =
          r < OPENING_HOT_SHARE
            ? Math.floor((r / OPENING_HOT_SHARE) * OPENING_HOT)
            : OPENING_HOT +
              Math.floor(((r - OPENING_HOT_SHARE) / (1 - OPENING_HOT_SHARE)) * (ids.length - OPENING_HOT));
        return ids[Math.min(ids.length - 1, index)] ?? 0;
      }),
    );
  }

  // Weekday evenings in half-hours: 4 days × 12 = 48 slots, none shared with another scenario.
  const overloadSectionIds: number[] = [];
  for (let i = 0; i < OVERLOAD_SECTIONS; i++) {
    const day = (['MON', 'TUE', 'WED', 'THU'] as Weekday[])[Math.floor(i / 12)] ?? 'THU';
    const start = at(16) + (i % 12) * 30;
    const subjectId = await subject(`세미나${i + 1}`, 'general', 1);
    overloadSectionIds.push(await section(subjectId, 1, options.students + 10, [[day, start, start + 30]]));
  }

  for (let i = 0; i < 8; i++) {
    const subjectId = await subject(FILLER_NAMES[OPENING_SLOTS + i] ?? `과목${i}`, 'major_elective');
    await section(subjectId, 1, 40, [[DAYS[i % DAYS.length] ?? 'FRI', at(8), at(9)]]);
  }

  await db
    .insertInto('periods')
    .values({
      name: '벤치마크 수강신청',
      kind: 'registration',
      opens_at: now - 3_600_000,
      closes_at: now + 6 * 3_600_000,
      years_mask: 0b1111,
      max_credits: 99,
      created_at: now,
    })
    .execute();

  const tokens = await seedStudents(db, options);
  return { tokens, hotSectionIds, spreadSectionIds, openingSlots, carts, overloadSectionIds, sections };
}

async function seedStudents(
  db: Db,
  options: Pick<ScenarioSeedOptions, 'students' | 'now' | 'sessionTtlMs' | 'concurrency' | 'onProgress'>,
): Promise<string[]> {
  const { now } = options;
  const departmentId = Number((await db.selectFrom('departments').select('id').executeTakeFirstOrThrow()).id);
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
      tokens[i] = (
        await createSession(db, {
          role: 'student',
          userId: studentIds[i] ?? 0,
          now,
          ttlMs: options.sessionTtlMs,
        })
      ).token;
      if (++done % 100 === 0 || done === studentIds.length) {
        options.onProgress?.('sessions', done, studentIds.length);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return tokens;
}
