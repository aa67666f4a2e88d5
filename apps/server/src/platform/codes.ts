import { sql } from 'kysely';
import type { DialectName } from '@karina/db';
import { isUniqueViolation } from './db-errors.js';
import { AppError } from './errors.js';
import type { Trx } from './transactions.js';

/**
 * Takes the next value of a named sequence inside the caller's transaction. One upsert both creates
 * the row and takes its exclusive lock, so concurrent creators queue on it until commit (an
 * INSERT IGNORE followed by an UPDATE lets two of them hold shared locks and deadlock); rows are
 * never deleted, so a number handed out once is never handed out again.
 */
export async function nextSequenceValue(trx: Trx, dialect: DialectName, name: string): Promise<number> {
  if (dialect === 'mysql') {
    await sql`insert into code_sequences (name, next_value) values (${name}, 2)
      on duplicate key update next_value = next_value + 1`.execute(trx);
  } else {
    await sql`insert into code_sequences (name, next_value) values (${name}, 2)
      on conflict (name) do update set next_value = next_value + 1`.execute(trx);
  }
  const row = await trx
    .selectFrom('code_sequences')
    .select('next_value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.next_value - 1;
}

/** Records a code as issued forever; a code issued before (even if since deleted) is refused. */
export async function claimCode(trx: Trx, kind: string, code: string): Promise<boolean> {
  try {
    await trx.insertInto('issued_codes').values({ kind, code }).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * 학번 = YY (entry year) + DD (department code) + NNN. The sequence is per (year, department code),
 * and every number is also claimed in issued_codes, so even an explicitly reused department code
 * can never produce a 학번 that existed before.
 */
export async function issueStudentNumber(
  trx: Trx,
  dialect: DialectName,
  entryYear: number,
  departmentCode: string,
): Promise<string> {
  const yy = String(entryYear % 100).padStart(2, '0');
  for (;;) {
    const n = await nextSequenceValue(trx, dialect, `student_no:${yy}:${departmentCode}`);
    if (n > 999) {
      throw new AppError(
        'CODE_EXHAUSTED',
        `${entryYear}학번 ${departmentCode} 학과의 학번이 모두 발급되었습니다 / All 999 student numbers for this year and department are used`,
      );
    }
    const studentNo = `${yy}${departmentCode}${String(n).padStart(3, '0')}`;
    if (await claimCode(trx, 'student_no', studentNo)) return studentNo;
  }
}

/** Subject code = "C" + department code + 4-digit sequence, e.g. C070012; never reused. */
export async function issueSubjectCode(
  trx: Trx,
  dialect: DialectName,
  departmentCode: string,
): Promise<string> {
  for (;;) {
    const n = await nextSequenceValue(trx, dialect, `subject:${departmentCode}`);
    if (n > 9999)
      throw new AppError(
        'CODE_EXHAUSTED',
        '교과목 코드가 모두 발급되었습니다 / All subject codes for this department are used',
      );
    const code = `C${departmentCode}${String(n).padStart(4, '0')}`;
    if (await claimCode(trx, 'subject', code)) return code;
  }
}

/** Department code: the lowest two-digit code never issued before, so 학번 prefixes stay unambiguous. */
export async function issueDepartmentCode(trx: Trx, dialect: DialectName): Promise<string> {
  for (;;) {
    const n = await nextSequenceValue(trx, dialect, 'department');
    if (n > 99)
      throw new AppError(
        'CODE_EXHAUSTED',
        '학과 코드가 모두 발급되었습니다 / All 99 department codes are used',
      );
    const code = String(n).padStart(2, '0');
    if (await claimCode(trx, 'department', code)) return code;
  }
}
