import type { SubjectType } from '@karina/db';
import type { Db } from '../../src/platform/transactions.js';
import { fixturePasswordHash } from '../support/app.js';
import {
  insertEnrollment as insertEnrollmentRow,
  insertWaitlistEntry as insertWaitlistRow,
  makeDepartment,
  makeProfessor,
  makeSection,
  makeSubject,
} from '../support/fixtures.js';
import type { MeetingSpec } from '../support/fixtures.js';

/** Catalog rows written straight into the database, so these tests need no admin API. */
const CREATED_AT = Date.UTC(2026, 0, 1);

export async function insertDepartment(db: Db, code: string, name: string): Promise<number> {
  return (await makeDepartment(db, name, code)).id;
}

export const insertProfessor = makeProfessor;

export interface SubjectFixture {
  departmentId: number;
  code: string;
  name: string;
  credits: number;
  type: SubjectType;
  targetYear: number | null;
}

export function insertSubject(db: Db, s: SubjectFixture): Promise<number> {
  return makeSubject(db, s.departmentId, s);
}

export interface SectionFixture {
  subjectId: number;
  professorId: number | null;
  number: number;
  capacity: number;
  meetings: readonly MeetingSpec[];
}

export function insertSection(db: Db, s: SectionFixture): Promise<number> {
  return makeSection(db, s.subjectId, s);
}

export async function insertStudent(
  db: Db,
  s: { departmentId: number; studentNo: string; name: string; year: number },
): Promise<number> {
  const r = await db
    .insertInto('students')
    .values({
      student_no: s.studentNo,
      name: s.name,
      department_id: s.departmentId,
      entry_year: 2000 + Number(s.studentNo.slice(0, 2)),
      year: s.year,
      tel: null,
      email: null,
      birth_date: null,
      postcode: null,
      address1: null,
      address2: null,
      password_hash: await fixturePasswordHash(),
      must_change_password: 0,
      created_at: CREATED_AT,
    })
    .executeTakeFirstOrThrow();
  return Number(r.insertId);
}

export function insertEnrollment(db: Db, studentId: number, sectionId: number): Promise<void> {
  return insertEnrollmentRow(db, studentId, sectionId, CREATED_AT);
}

export function insertWaitlistEntry(db: Db, studentId: number, sectionId: number): Promise<void> {
  return insertWaitlistRow(db, studentId, sectionId, CREATED_AT);
}

export const LONG_SUBJECT_NAME = '미적분, 심화; 특강 — 공학도를 위한 해석학 입문과 응용 (영어 강의) \\ 부제';

/**
 * A small university: two departments (codes 07 and 12), three professors, five subjects and
 * six sections whose meetings cover every weekday once or twice.
 */
export async function seedCatalog(db: Db) {
  const cs = await insertDepartment(db, '07', '컴퓨터공학과');
  const math = await insertDepartment(db, '12', '수학과');
  const kim = await insertProfessor(db, cs, '김교수');
  const lee = await insertProfessor(db, math, 'Lee Professor');
  const dataStructures = await insertSubject(db, {
    departmentId: cs,
    code: 'C070001',
    name: '자료구조',
    credits: 3,
    type: 'major_required',
    targetYear: 2,
  });
  const os = await insertSubject(db, {
    departmentId: cs,
    code: 'C070002',
    name: '운영체제',
    credits: 3,
    type: 'major_elective',
    targetYear: 3,
  });
  const dataScience = await insertSubject(db, {
    departmentId: cs,
    code: 'C070003',
    name: 'Data_Science 100%',
    credits: 2,
    type: 'general',
    targetYear: 1,
  });
  const linearAlgebra = await insertSubject(db, {
    departmentId: math,
    code: 'C120001',
    name: '선형대수',
    credits: 3,
    type: 'major_required',
    targetYear: 2,
  });
  const calculus = await insertSubject(db, {
    departmentId: math,
    code: 'C120002',
    name: LONG_SUBJECT_NAME,
    credits: 4,
    type: 'general',
    targetYear: null,
  });
  // Inserted out of catalog order, so the list's order cannot come from insertion order.
  const linearAlgebra1 = await insertSection(db, {
    subjectId: linearAlgebra,
    professorId: lee,
    number: 1,
    capacity: 40,
    meetings: [['MON', '13:00', '14:30']],
  });
  const dataStructures2 = await insertSection(db, {
    subjectId: dataStructures,
    professorId: null,
    number: 2,
    capacity: 30,
    meetings: [['TUE', '13:00', '14:30']],
  });
  const dataStructures1 = await insertSection(db, {
    subjectId: dataStructures,
    professorId: kim,
    number: 1,
    capacity: 2,
    meetings: [
      ['WED', '09:00', '10:30'],
      ['MON', '09:00', '10:30'],
    ],
  });
  const os1 = await insertSection(db, {
    subjectId: os,
    professorId: kim,
    number: 1,
    capacity: 40,
    meetings: [['THU', '10:30', '12:00']],
  });
  const dataScience1 = await insertSection(db, {
    subjectId: dataScience,
    professorId: lee,
    number: 1,
    capacity: 50,
    meetings: [['FRI', '15:00', '17:00']],
  });
  const calculus1 = await insertSection(db, {
    subjectId: calculus,
    professorId: lee,
    number: 1,
    capacity: 40,
    meetings: [['SAT', '21:00', '24:00']],
  });
  return {
    departments: { cs, math },
    professors: { kim, lee },
    subjects: { dataStructures, os, dataScience, linearAlgebra, calculus },
    sections: { dataStructures1, dataStructures2, os1, dataScience1, linearAlgebra1, calculus1 },
    /** Every section id in catalog order (subject code, section number). */
    ordered: [dataStructures1, dataStructures2, os1, dataScience1, linearAlgebra1, calculus1],
  };
}
export type CatalogFixture = Awaited<ReturnType<typeof seedCatalog>>;
