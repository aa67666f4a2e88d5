import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.js';
import { isCleanName } from '../../platform/text.js';
import type { EntryYearRange } from './students.entry-year.js';
import { entryYearProblem } from './students.entry-year.js';
import type { ImportRowError } from './students.schema.js';
import { BIRTH_DATE_PATTERN, EMAIL_PATTERN, MAX_IMPORT_ROWS, TEL_PATTERN } from './students.schema.js';
import { isPlausibleBirthDate, isPlausibleTel } from '../../platform/contact.js';

const REQUIRED = ['name', 'departmentCode', 'entryYear', 'year'] as const;
const OPTIONAL = ['tel', 'email', 'birthDate'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];

export interface ImportRow {
  /** Line in the file where the record ends; the header is line 1. */
  row: number;
  name: string;
  departmentCode: string;
  entryYear: number;
  year: number;
  tel: string | null;
  email: string | null;
  birthDate: string | null;
}

/** A real calendar date, not only the YYYY-MM-DD shape (Date.parse accepts 2024-02-30). */
export function isRealDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function invalid(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', message, details);
}

function parseRecords(text: string): { record: string[]; line: number }[] {
  try {
    const parsed = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: 64 * 1024,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map((p) => ({ record: p.record, line: p.info.lines }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError(
        'VALIDATION_FAILED',
        `CSV 형식이 올바르지 않습니다 / Malformed CSV: ${error.message}`,
        undefined,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function headerIndexes(header: string[]): Map<Column, number> {
  const indexes = new Map<Column, number>();
  const problems: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (!KNOWN.includes(name)) problems.push(`알 수 없는 열 / unknown column "${name}"`);
    else if (indexes.has(name as Column)) problems.push(`중복된 열 / duplicate column "${name}"`);
    else indexes.set(name as Column, i);
  });
  for (const column of REQUIRED) {
    if (!indexes.has(column)) problems.push(`필수 열 없음 / missing column "${column}"`);
  }
  if (problems.length > 0) {
    throw invalid(
      `CSV 머리글이 올바르지 않습니다 / Bad CSV header (expected ${KNOWN.join(',')}): ${problems.join('; ')}`,
    );
  }
  return indexes;
}

function integerIn(value: string, min: number, max: number): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Parses and checks every row before anything is written; any bad row fails the whole file with
 * every problem listed per row, so the registrar fixes the file once and uploads it again.
 */
export function parseStudentCsv(
  text: string,
  knownDepartmentCodes: ReadonlySet<string>,
  entryYears: EntryYearRange,
  now: number,
): ImportRow[] {
  const records = parseRecords(text);
  const [head, ...body] = records;
  if (!head) throw invalid('CSV 파일이 비어 있습니다 / The CSV file is empty');
  const columns = headerIndexes(head.record);
  if (body.length === 0) throw invalid('CSV에 학생 행이 없습니다 / The CSV has no student rows');
  if (body.length > MAX_IMPORT_ROWS) {
    throw invalid(
      `한 번에 최대 ${MAX_IMPORT_ROWS}명까지 등록할 수 있습니다 / At most ${MAX_IMPORT_ROWS} rows per file (got ${body.length})`,
    );
  }

  const rows: ImportRow[] = [];
  const bad: ImportRowError[] = [];
  for (const { record, line } of body) {
    const errors: string[] = [];
    const cell = (column: Column): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    if (record.length !== head.record.length) {
      errors.push(
        `열 개수가 ${head.record.length}개여야 합니다 / expected ${head.record.length} columns, got ${record.length}`,
      );
    }
    const name = cell('name');
    if (name === '' || name.length > 100) errors.push('name: 1~100자 / 1-100 characters');
    else if (!isCleanName(name)) {
      errors.push(
        'name: 제어 문자나 보이지 않는 문자만 쓸 수 없습니다 / no control or only invisible characters',
      );
    }
    const departmentCode = cell('departmentCode');
    if (!/^[0-9]{2}$/.test(departmentCode)) {
      errors.push('departmentCode: 두 자리 숫자 / two digits');
    } else if (!knownDepartmentCodes.has(departmentCode)) {
      errors.push(`departmentCode: 없는 학과 코드 / unknown department code ${departmentCode}`);
    }
    const entryYear = integerIn(cell('entryYear'), entryYears.min, entryYears.max);
    if (entryYear === undefined) errors.push(entryYearProblem(entryYears));
    const year = integerIn(cell('year'), 1, 4);
    if (year === undefined) errors.push('year: 1~4');
    const tel = cell('tel');
    if (tel !== '' && !(new RegExp(TEL_PATTERN).test(tel) && isPlausibleTel(tel))) {
      errors.push('tel: 전화번호 형식 (숫자 8~15자리) / phone number of 8-15 digits');
    }
    const email = cell('email');
    if (email !== '' && (email.length > 254 || !new RegExp(EMAIL_PATTERN).test(email))) {
      errors.push('email: 이메일 형식 / e-mail address');
    }
    const birthDate = cell('birthDate');
    if (birthDate !== '' && !(new RegExp(BIRTH_DATE_PATTERN).test(birthDate) && isRealDate(birthDate))) {
      errors.push('birthDate: YYYY-MM-DD');
    } else if (birthDate !== '' && !isPlausibleBirthDate(birthDate, now)) {
      errors.push('birthDate: 1900-01-01부터 오늘까지 / from 1900-01-01 to today');
    }
    if (errors.length > 0 || entryYear === undefined || year === undefined) {
      bad.push({ row: line, errors });
      continue;
    }
    rows.push({
      row: line,
      name,
      departmentCode,
      entryYear,
      year,
      tel: tel === '' ? null : tel,
      email: email === '' ? null : email,
      birthDate: birthDate === '' ? null : birthDate,
    });
  }
  if (bad.length > 0) {
    throw invalid(
      `CSV의 ${bad.length}개 행이 올바르지 않아 아무것도 등록하지 않았습니다 / ${bad.length} row(s) are invalid; nothing was imported`,
      { rows: bad },
    );
  }
  return rows;
}
