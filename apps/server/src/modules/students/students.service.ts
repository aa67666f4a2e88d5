import type { Updateable } from 'kysely';
import type { StudentsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { toCsv } from '../../platform/csv.js';
import { issueStudentNumber } from '../../platform/codes.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { assertPasswordPolicy, generatePassword, hashPassword } from '../../platform/passwords.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Trx } from '../../platform/transactions.js';
import { releaseStudentSeats } from '../enrollment/enrollment.seats.js';
import { entryYearProblem, entryYearRange, isEntryYearAllowed } from './students.entry-year.js';
import type { ImportRow } from './students.import.js';
import { isRealDate, parseStudentCsv } from './students.import.js';
import type {
  CreateStudentBody,
  CreatedStudent,
  ExportQuery,
  ImportResult,
  Student,
  StudentPage,
  StudentQuery,
  UpdateStudentBody,
} from './students.schema.js';
import type { StudentRow } from './students.repository.js';
import {
  deleteStudent,
  deleteStudentSessions,
  findDepartmentCode,
  findStudent,
  insertStudent,
  listDepartmentCodes,
  listStudents,
  listStudentsForExport,
  lockDepartments,
  updateStudent,
} from './students.repository.js';
import { assertPlausibleBirthDate, assertPlausibleTel } from '../../platform/contact.js';

const STUDENT = '학생 / student';
const DEPARTMENT = '학과 / department';
/** Argon2id runs on libuv's thread pool; more at once only queues there and holds memory. */
const HASH_CONCURRENCY = 4;
/** The import's columns, with the issued 학번 first and the department's name beside its code. */
const EXPORT_COLUMNS = [
  'studentNo',
  'name',
  'departmentCode',
  'departmentName',
  'entryYear',
  'year',
  'tel',
  'email',
  'birthDate',
] as const;

export function studentRowToStudent(row: StudentRow): Student {
  return {
    id: row.id,
    studentNo: row.student_no,
    name: row.name,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    entryYear: row.entry_year,
    year: row.year,
    tel: row.tel,
    email: row.email,
    birthDate: row.birth_date,
    address: { postcode: row.postcode, line1: row.address1, line2: row.address2 },
    mustChangePassword: row.must_change_password === 1,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', '학생 이름이 비어 있습니다 / name is blank');
  return name;
}

function assertBirthDate(value: string | null | undefined): void {
  if (value !== null && value !== undefined && !isRealDate(value)) {
    throw new AppError('VALIDATION_FAILED', '생년월일이 올바르지 않습니다 / birthDate is not a real date');
  }
}

/** The same plausibility a student's own profile edit gets (platform/contact.ts). */
function assertPlausibleContact(
  input: { tel?: string | null | undefined; birthDate?: string | null | undefined },
  now: number,
): void {
  if (typeof input.tel === 'string') assertPlausibleTel(input.tel);
  if (typeof input.birthDate === 'string') assertPlausibleBirthDate(input.birthDate, now);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function createStudentsService(deps: AppDeps) {
  const { db, dialect, clock } = deps;

  async function getDepartmentCode(trx: Trx, id: number): Promise<string> {
    const department = await findDepartmentCode(trx, id);
    if (!department) throw notFound(DEPARTMENT);
    return department.code;
  }

  function assertEntryYear(entryYear: number): void {
    const range = entryYearRange(clock.now());
    if (!isEntryYearAllowed(entryYear, range)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `입학년도가 허용 범위를 벗어났습니다 / entryYear is out of range: ${entryYearProblem(range)}`,
        { field: 'entryYear', min: range.min, max: range.max },
      );
    }
  }

  async function list(query: StudentQuery): Promise<StudentPage> {
    const { rows, total } = await listStudents(
      db,
      { departmentId: query.departmentId, year: query.year, q: query.q?.trim() || undefined },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(studentRowToStudent), total };
  }

  async function get(id: number): Promise<Student> {
    const row = await findStudent(db, id);
    if (!row) throw notFound(STUDENT);
    return studentRowToStudent(row);
  }

  async function create(input: CreateStudentBody, actor: Actor): Promise<CreatedStudent> {
    const name = cleanName(input.name);
    assertEntryYear(input.entryYear);
    assertBirthDate(input.birthDate);
    assertPlausibleContact(input, clock.now());
    if (input.password !== undefined) assertPasswordPolicy(input.password);
    const password = input.password ?? generatePassword();
    // Hashing is slow on purpose; it happens before the transaction so no lock waits on it.
    const passwordHash = await hashPassword(password);
    const created = await inTransaction(db, async (trx) => {
      const [department] = await lockDepartments(trx, dialect, [input.departmentId]);
      if (!department) throw notFound(DEPARTMENT);
      const departmentCode = department.code;
      const studentNo = await issueStudentNumber(trx, dialect, input.entryYear, departmentCode);
      if (input.password !== undefined) assertPasswordPolicy(input.password, studentNo);
      const id = await insertStudent(trx, {
        student_no: studentNo,
        name,
        department_id: input.departmentId,
        entry_year: input.entryYear,
        year: input.year,
        tel: input.tel ?? null,
        email: input.email ?? null,
        birth_date: input.birthDate ?? null,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword === false ? 0 : 1,
        created_at: clock.now(),
      });
      await writeAudit(
        trx,
        actor,
        {
          action: 'student.create',
          target: `student:${id}`,
          detail: {
            studentNo,
            departmentId: input.departmentId,
            passwordGenerated: input.password === undefined,
          },
        },
        clock.now(),
      );
      return { id, studentNo };
    });
    return input.password === undefined ? { ...created, initialPassword: password } : created;
  }

  async function update(id: number, input: UpdateStudentBody, actor: Actor): Promise<Student> {
    assertBirthDate(input.birthDate);
    assertPlausibleContact(input, clock.now());
    const patch: Updateable<StudentsTable> = {};
    if (input.name !== undefined) patch.name = cleanName(input.name);
    if (input.year !== undefined) patch.year = input.year;
    if (input.departmentId !== undefined) patch.department_id = input.departmentId;
    if (input.tel !== undefined) patch.tel = input.tel;
    if (input.email !== undefined) patch.email = input.email;
    if (input.birthDate !== undefined) patch.birth_date = input.birthDate;
    if (input.address?.postcode !== undefined) patch.postcode = input.address.postcode;
    if (input.address?.line1 !== undefined) patch.address1 = input.address.line1;
    if (input.address?.line2 !== undefined) patch.address2 = input.address.line2;
    await inTransaction(db, async (trx) => {
      const before = await findStudent(trx, id);
      if (!before) throw notFound(STUDENT);
      // Moving to another department keeps the 학번: it names the department of entry.
      if (input.departmentId !== undefined) await getDepartmentCode(trx, input.departmentId);
      await updateStudent(trx, id, patch);
      await writeAudit(
        trx,
        actor,
        {
          action: 'student.update',
          target: `student:${id}`,
          detail: {
            fields: Object.keys(patch),
            ...(input.departmentId !== undefined && input.departmentId !== before.department_id
              ? { departmentFrom: before.department_id, departmentTo: input.departmentId }
              : {}),
          },
        },
        clock.now(),
      );
    });
    // The cached session carries the name and 학번 shown by /me.
    await deps.bus.publishAndWait('sessions', `student:${id}`);
    return get(id);
  }

  async function resetPassword(id: number, actor: Actor): Promise<{ initialPassword: string }> {
    if (!(await findStudent(db, id))) throw notFound(STUDENT);
    const initialPassword = generatePassword();
    const passwordHash = await hashPassword(initialPassword);
    await inTransaction(db, async (trx) => {
      if (!(await findStudent(trx, id))) throw notFound(STUDENT);
      await updateStudent(trx, id, { password_hash: passwordHash, must_change_password: 1 });
      // Whoever held the old password is logged out everywhere.
      await deleteStudentSessions(trx, id);
      await writeAudit(
        trx,
        actor,
        { action: 'student.reset_password', target: `student:${id}` },
        clock.now(),
      );
    });
    await deps.bus.publishAndWait('sessions', `student:${id}`);
    return { initialPassword };
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const student = await findStudent(trx, id);
      if (!student) throw notFound(STUDENT);
      await releaseStudentSeats(trx, deps, actor, id);
      await deleteStudent(trx, id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'student.delete',
          target: `student:${id}`,
          detail: { studentNo: student.student_no, name: student.name },
        },
        clock.now(),
      );
    });
    // Their seats were freed: every process's "section is full" answers may be wrong now.
    deps.bus.publish('sections');
    await deps.bus.publishAndWait('sessions', `student:${id}`);
  }

  /** All rows or none: every row is checked first, then one transaction writes them all. */
  async function importCsv(text: string, actor: Actor): Promise<ImportResult> {
    const departments = await listDepartmentCodes(db);
    const departmentIdByCode = new Map(departments.map((d) => [d.code, d.id]));
    const rows = parseStudentCsv(
      text,
      new Set(departmentIdByCode.keys()),
      entryYearRange(clock.now()),
      clock.now(),
    );
    const prepared = await mapLimit(rows, HASH_CONCURRENCY, async (row: ImportRow) => {
      const initialPassword = generatePassword();
      return { row, initialPassword, passwordHash: await hashPassword(initialPassword) };
    });
    const created = await inTransaction(db, async (trx) => {
      // A department deleted since the check above stops the whole import; nothing is kept.
      const wanted = [...new Set(rows.map((r) => departmentIdByCode.get(r.departmentCode) ?? 0))];
      const stillThere = new Set(
        (await lockDepartments(trx, dialect, wanted)).map((d) => `${d.id}:${d.code}`),
      );
      const out: ImportResult['rows'] = [];
      for (const { row, initialPassword, passwordHash } of prepared) {
        const departmentId = departmentIdByCode.get(row.departmentCode);
        if (departmentId === undefined || !stillThere.has(`${departmentId}:${row.departmentCode}`)) {
          const error = `departmentCode: 없는 학과 코드 / unknown department code ${row.departmentCode}`;
          throw new AppError('VALIDATION_FAILED', `${row.row}행 / row ${row.row}: ${error}`, {
            rows: [{ row: row.row, errors: [error] }],
          });
        }
        const studentNo = await issueStudentNumber(trx, dialect, row.entryYear, row.departmentCode);
        const id = await insertStudent(trx, {
          student_no: studentNo,
          name: row.name,
          department_id: departmentId,
          entry_year: row.entryYear,
          year: row.year,
          tel: row.tel,
          email: row.email,
          birth_date: row.birthDate,
          password_hash: passwordHash,
          must_change_password: 1,
          created_at: clock.now(),
        });
        await writeAudit(
          trx,
          actor,
          {
            action: 'student.create',
            target: `student:${id}`,
            detail: { studentNo, departmentId, source: 'csv', row: row.row },
          },
          clock.now(),
        );
        out.push({ row: row.row, id, studentNo, initialPassword });
      }
      await writeAudit(
        trx,
        actor,
        { action: 'student.import', target: 'students', detail: { created: out.length } },
        clock.now(),
      );
      return out;
    });
    return { created: created.length, rows: created };
  }

  /** The roster as CSV for the registrar's spreadsheet; reading everyone's contact data is audited. */
  async function exportCsv(query: ExportQuery, actor: Actor): Promise<string> {
    const rows = await listStudentsForExport(db, { departmentId: query.departmentId, year: query.year });
    await writeAudit(
      db,
      actor,
      {
        action: 'student.export',
        target: 'students',
        detail: { count: rows.length, departmentId: query.departmentId ?? null, year: query.year ?? null },
      },
      clock.now(),
    );
    // The byte-order mark is how Excel knows the file is UTF-8 and shows 한글 names, not mojibake.
    return `\uFEFF${toCsv(
      EXPORT_COLUMNS,
      rows.map((r) => [
        r.student_no,
        r.name,
        r.department_code,
        r.department_name,
        r.entry_year,
        r.year,
        r.tel,
        r.email,
        r.birth_date,
      ]),
    )}`;
  }

  return { list, get, create, update, resetPassword, remove, importCsv, exportCsv };
}
