import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import type { DialectName } from '@karina/db';
import { systemActor } from '../platform/actor.js';
import { writeAudit } from '../platform/audit.js';
import { BOOTSTRAP_ADMIN } from '../platform/bootstrap.js';
import { issueDepartmentCode, issueStudentNumber, issueSubjectCode } from '../platform/codes.js';
import { hashPassword } from '../platform/passwords.js';
import { hashToken } from '../platform/sessions.js';
import { inTransaction } from '../platform/transactions.js';
import type { Db, Trx } from '../platform/transactions.js';
import { planUniversity } from './generate.js';
import type { SeedOptions, UniversityPlan } from './generate.js';

/**
 * The documented password of every student in the demo university (KARINA_DEMO). Demo data only:
 * any other seed gets a random password that is printed once.
 */
export const DEMO_STUDENT_PASSWORD = 'karina-demo-2026';

export type SeedPhase =
  'departments' | 'professors' | 'subjects' | 'sections' | 'periods' | 'posts' | 'students' | 'sessions';

export interface SeedProgress {
  phase: SeedPhase;
  /** Rows written so far and rows to write in all, over every phase of this call. */
  done: number;
  total: number;
}

export type OnSeedProgress = (progress: SeedProgress) => void;

export interface SeedRunOptions extends SeedOptions {
  /** The password every seeded student logs in with (hashed once; must_change_password = 0). */
  studentPassword: string;
  /** When departments or periods exist: refuse (fail), leave them (skip) or delete all domain rows (reset). */
  ifNotEmpty: 'fail' | 'skip' | 'reset';
}

export interface SeedCounts {
  departments: number;
  professors: number;
  subjects: number;
  sections: number;
  meetings: number;
  periods: number;
  posts: number;
  students: number;
}

export interface SeededStudent {
  id: number;
  studentNo: string;
}

export type SeedResult =
  { seeded: false } | { seeded: true; counts: SeedCounts; students: SeededStudent[]; plan: UniversityPlan };

export class SeedRefusedError extends Error {}

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters and MariaDB's packet size. */
function batchSize(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(30_000 / columns)));
}

async function inBatches<T>(
  rows: readonly T[],
  columns: number,
  insert: (chunk: T[]) => Promise<void>,
  afterChunk: (count: number) => void,
): Promise<void> {
  const size = batchSize(columns);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await insert(chunk);
    afterChunk(chunk.length);
  }
}

/** Departments or periods exist: something (seed or registrar) has been here. */
export async function hasDomainData(db: Db | Trx): Promise<boolean> {
  const department = await db.selectFrom('departments').select('id').limit(1).executeTakeFirst();
  if (department) return true;
  const period = await db.selectFrom('periods').select('id').limit(1).executeTakeFirst();
  return period !== undefined;
}

/**
 * Deletes every domain row, children before parents. Admins, their sessions, the audit log and the
 * registry of issued codes stay: a 학번 or subject code handed out once is never handed out again.
 */
export async function deleteDomainData(trx: Trx): Promise<void> {
  await trx.deleteFrom('cart_items').execute();
  await trx.deleteFrom('waitlist_entries').execute();
  await trx.deleteFrom('enrollments').execute();
  await trx.deleteFrom('section_meetings').execute();
  await trx.deleteFrom('sections').execute();
  await trx.deleteFrom('subjects').execute();
  await trx.deleteFrom('posts').execute();
  await trx.deleteFrom('notices').execute();
  await trx.deleteFrom('professors').execute();
  await trx.deleteFrom('sessions').where('role', '=', 'student').execute();
  await trx.deleteFrom('students').execute();
  await trx.deleteFrom('departments').execute();
  await trx.deleteFrom('periods').execute();
  await trx.deleteFrom('idempotency_keys').execute();
}

/** The registrar's standing notices (수강신청 유의사항) a demo university shows on its guide page. */
const DEMO_NOTICES: readonly { title: string; body: string; pinned: boolean }[] = [
  {
    title: '수강신청 유의사항',
    body:
      '수강신청은 서버 시각 기준으로 열리고 닫힙니다. 화면의 카운트다운은 서버 시각에 맞춰져 있으니 기기 시계를 맞출 필요가 없습니다.\n' +
      '같은 교과목의 두 분반, 시간이 겹치는 분반, 최대 학점을 넘는 신청은 받지 않습니다.\n' +
      '정원이 찬 분반은 대기자로 등록할 수 있으며, 취소로 자리가 나면 대기 순번대로 자동 신청됩니다.',
    pinned: true,
  },
  {
    title: '장바구니(예비수강신청) 안내',
    body: '장바구니에 담아 두면 수강신청 화면에서 한 번에 신청할 수 있습니다. 장바구니에 담는 것만으로는 자리가 확보되지 않습니다.',
    pinned: false,
  },
  {
    title: '문의',
    body: '학번 조회나 비밀번호 초기화는 학사지원팀에 문의하세요.',
    pinned: false,
  },
];

/**
 * Seeds a whole university in one transaction, so a failure leaves nothing half-made. Codes come
 * from the same issuers as the admin API, so anything created later never collides with seeded data.
 */
export async function seedUniversity(
  db: Db,
  dialect: DialectName,
  options: SeedRunOptions,
  onProgress: OnSeedProgress = () => {},
): Promise<SeedResult> {
  const plan = planUniversity(options);
  const passwordHash = await hashPassword(options.studentPassword);
  const { now } = options;
  const professorTotal = plan.departments.reduce((n, d) => n + d.professors.length, 0);
  const postTotal = plan.departments.reduce((n, d) => n + d.posts.length, 0);
  const meetingTotal = plan.sections.reduce((n, s) => n + s.meetings.length, 0);
  const total =
    plan.departments.length +
    professorTotal +
    plan.subjects.length +
    plan.sections.length +
    plan.periods.length +
    postTotal +
    plan.students.length;

  return inTransaction(db, async (trx): Promise<SeedResult> => {
    let done = 0;
    const progress = (phase: SeedPhase, count: number) => {
      done += count;
      onProgress({ phase, done, total });
    };

    if (await hasDomainData(trx)) {
      if (options.ifNotEmpty === 'skip') return { seeded: false };
      if (options.ifNotEmpty === 'fail') {
        throw new SeedRefusedError(
          'the database already holds departments or periods; use --reset to delete all domain data first',
        );
      }
      await deleteDomainData(trx);
      await writeAudit(trx, systemActor, { action: 'seed.reset', target: 'university' }, now);
    }
    progress('departments', 0);

    const departmentCodes: string[] = [];
    for (const _ of plan.departments) departmentCodes.push(await issueDepartmentCode(trx, dialect));
    await trx
      .insertInto('departments')
      .values(
        plan.departments.map((d, i) => ({ code: departmentCodes[i] ?? '', name: d.name, created_at: now })),
      )
      .execute();
    const departmentRows = await trx
      .selectFrom('departments')
      .select(['id', 'code'])
      .where('code', 'in', departmentCodes)
      .execute();
    const idByCode = new Map(departmentRows.map((r) => [r.code, r.id]));
    const departmentIds = departmentCodes.map((code) => {
      const id = idByCode.get(code);
      if (id === undefined) throw new Error(`department ${code} vanished while seeding`);
      return id;
    });
    progress('departments', plan.departments.length);

    const professorRows = plan.departments.flatMap((d, i) =>
      d.professors.map((name) => ({ department_id: departmentIds[i] ?? 0, name, created_at: now })),
    );
    await inBatches(
      professorRows,
      3,
      async (chunk) => {
        await trx.insertInto('professors').values(chunk).execute();
      },
      (n) => progress('professors', n),
    );
    // Ids grow in insertion order, and nobody else can see these departments before commit.
    const professorsByDepartment = new Map<number, number[]>();
    for (const row of await trx
      .selectFrom('professors')
      .select(['id', 'department_id'])
      .where('department_id', 'in', departmentIds)
      .orderBy('id')
      .execute()) {
      const list = professorsByDepartment.get(row.department_id) ?? [];
      list.push(row.id);
      professorsByDepartment.set(row.department_id, list);
    }

    const subjectCodes: string[] = [];
    for (const subject of plan.subjects) {
      subjectCodes.push(await issueSubjectCode(trx, dialect, departmentCodes[subject.department] ?? ''));
    }
    await inBatches(
      plan.subjects.map((s, i) => ({ ...s, code: subjectCodes[i] ?? '' })),
      8,
      async (chunk) => {
        await trx
          .insertInto('subjects')
          .values(
            chunk.map((s) => ({
              code: s.code,
              name: s.name,
              department_id: departmentIds[s.department] ?? 0,
              credits: s.credits,
              type: s.type,
              target_year: s.targetYear,
              description: s.description,
              created_at: now,
            })),
          )
          .execute();
      },
      (n) => progress('subjects', n),
    );
    const subjectIdByCode = new Map(
      (
        await trx
          .selectFrom('subjects')
          .select(['id', 'code'])
          .where('department_id', 'in', departmentIds)
          .execute()
      ).map((r) => [r.code, r.id]),
    );
    const subjectIds = subjectCodes.map((code) => subjectIdByCode.get(code) ?? 0);

    await inBatches(
      plan.sections,
      6,
      async (chunk) => {
        await trx
          .insertInto('sections')
          .values(
            chunk.map((s) => {
              const subject = plan.subjects[s.subject];
              const professors = professorsByDepartment.get(departmentIds[subject?.department ?? -1] ?? 0);
              return {
                subject_id: subjectIds[s.subject] ?? 0,
                professor_id: professors?.[s.professor] ?? null,
                number: s.number,
                capacity: s.capacity,
                taken: 0,
                created_at: now,
              };
            }),
          )
          .execute();
      },
      (n) => progress('sections', n),
    );
    const sectionIdByKey = new Map(
      (
        await trx
          .selectFrom('sections as s')
          .innerJoin('subjects as j', 'j.id', 's.subject_id')
          .select(['s.id', 's.subject_id', 's.number'])
          .where('j.department_id', 'in', departmentIds)
          .execute()
      ).map((r) => [`${r.subject_id}:${r.number}`, r.id]),
    );
    const meetingRows = plan.sections.flatMap((s) => {
      const sectionId = sectionIdByKey.get(`${subjectIds[s.subject] ?? 0}:${s.number}`) ?? 0;
      return s.meetings.map((m) => ({
        section_id: sectionId,
        day: m.day,
        start_min: m.startMin,
        end_min: m.endMin,
      }));
    });
    await inBatches(
      meetingRows,
      4,
      async (chunk) => {
        await trx.insertInto('section_meetings').values(chunk).execute();
      },
      () => {},
    );

    await trx
      .insertInto('periods')
      .values(
        plan.periods.map((p) => ({
          name: p.name,
          kind: p.kind,
          opens_at: p.opensAt,
          closes_at: p.closesAt,
          years_mask: p.yearsMask,
          max_credits: p.maxCredits,
          created_at: now,
        })),
      )
      .execute();
    progress('periods', plan.periods.length);

    const author = await trx
      .selectFrom('admins')
      .select('id')
      .where('username', '=', BOOTSTRAP_ADMIN)
      .executeTakeFirst();
    const postRows = plan.departments.flatMap((d, i) =>
      d.posts.map((p) => ({
        department_id: departmentIds[i] ?? 0,
        author_admin_id: author?.id ?? null,
        title: p.title,
        body: p.body,
        created_at: now - p.ageDays * 86_400_000,
        updated_at: now - p.ageDays * 86_400_000,
      })),
    );
    await inBatches(
      postRows.sort((a, b) => a.created_at - b.created_at),
      6,
      async (chunk) => {
        await trx.insertInto('posts').values(chunk).execute();
      },
      (n) => progress('posts', n),
    );

    await trx
      .insertInto('notices')
      .values(
        DEMO_NOTICES.map((n, i) => ({
          title: n.title,
          body: n.body,
          pinned: n.pinned ? 1 : 0,
          created_at: now - i * 3_600_000,
          updated_at: now - i * 3_600_000,
        })),
      )
      .execute();

    const studentBatch = batchSize(14);
    for (let i = 0; i < plan.students.length; i += studentBatch) {
      const chunk = plan.students.slice(i, i + studentBatch);
      const rows = [];
      for (const s of chunk) {
        rows.push({
          student_no: await issueStudentNumber(
            trx,
            dialect,
            s.entryYear,
            departmentCodes[s.department] ?? '',
          ),
          name: s.name,
          department_id: departmentIds[s.department] ?? 0,
          entry_year: s.entryYear,
          year: s.year,
          tel: s.tel,
          email: s.email,
          birth_date: s.birthDate,
          postcode: s.postcode,
          address1: s.address1,
          address2: s.address2,
          password_hash: passwordHash,
          must_change_password: 0,
          created_at: now,
        });
      }
      await trx.insertInto('students').values(rows).execute();
      progress('students', chunk.length);
    }
    const students = (
      await trx
        .selectFrom('students')
        .select(['id', 'student_no'])
        .where('department_id', 'in', departmentIds)
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: r.id, studentNo: r.student_no }));

    const counts: SeedCounts = {
      departments: plan.departments.length,
      professors: professorRows.length,
      subjects: plan.subjects.length,
      sections: plan.sections.length,
      meetings: meetingTotal,
      periods: plan.periods.length,
      posts: postRows.length,
      students: students.length,
    };
    await writeAudit(
      trx,
      systemActor,
      { action: 'seed.university', target: 'university', detail: { seed: options.seed, ...counts } },
      now,
    );
    return { seeded: true, counts, students, plan };
  });
}

export interface SeededToken {
  studentNo: string;
  token: string;
}

/**
 * One session per student, for rehearsals and load tests that must not spend minutes logging in.
 * Rows are what createSession writes (only the SHA-256 of the token is stored), in bulk.
 */
export async function createStudentSessions(
  db: Db,
  students: readonly SeededStudent[],
  input: { now: number; ttlMs: number },
  onProgress: OnSeedProgress = () => {},
): Promise<SeededToken[]> {
  const issued = students.map((s) => ({ ...s, token: randomBytes(32).toString('base64url') }));
  let done = 0;
  await inTransaction(db, async (trx) => {
    await inBatches(
      issued,
      7,
      async (chunk) => {
        await trx
          .insertInto('sessions')
          .values(
            chunk.map((s) => ({
              token_hash: hashToken(s.token),
              role: 'student' as const,
              admin_id: null,
              student_id: s.id,
              csrf_token: randomBytes(24).toString('base64url'),
              created_at: input.now,
              expires_at: input.now + input.ttlMs,
            })),
          )
          .execute();
      },
      (n) => {
        done += n;
        onProgress({ phase: 'sessions', done, total: issued.length });
      },
    );
  });
  return issued.map((s) => ({ studentNo: s.studentNo, token: s.token }));
}

/** studentNo,token lines with a header; readable by the owner only, since each line is a login. */
export function writeTokensCsv(path: string, tokens: readonly SeededToken[]): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, `studentNo,token\n${tokens.map((t) => `${t.studentNo},${t.token}\n`).join('')}`);
  } finally {
    closeSync(fd);
  }
}
