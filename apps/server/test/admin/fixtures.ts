import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.js';
import { fixturePasswordHash } from '../support/app.js';
import { insertCartItem, insertEnrollment, insertWaitlistEntry } from '../support/fixtures.js';

let counter = 0;
/** A name no other fixture in this process uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: res.statusCode, body: res.json<unknown>() }).toMatchObject({
    status,
    body: { error: { code } },
  });
}

export async function createDepartment(t: TestApp, name = unique('학과'), code?: string) {
  const res = await t.call('POST', '/admin/api/departments', {
    token: t.adminToken,
    body: { name, ...(code ? { code } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; code: string; name: string }>();
}

export async function createProfessor(t: TestApp, departmentId: number, name = unique('교수')) {
  const res = await t.call('POST', '/admin/api/professors', {
    token: t.adminToken,
    body: { departmentId, name },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

export async function createSubject(
  t: TestApp,
  departmentId: number,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; code: string }> {
  const res = await t.call('POST', '/admin/api/subjects', {
    token: t.adminToken,
    body: { departmentId, name: unique('과목'), credits: 3, type: 'major_elective', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; code: string }>();
}

export interface MeetingInput {
  day: string;
  start: string;
  end: string;
}

export async function createSection(
  t: TestApp,
  subjectId: number,
  options: { professorId?: number | null; capacity?: number; meetings?: MeetingInput[] } = {},
): Promise<number> {
  const res = await t.call('POST', '/admin/api/sections', {
    token: t.adminToken,
    body: {
      subjectId,
      professorId: options.professorId ?? null,
      capacity: options.capacity ?? 30,
      meetings: options.meetings ?? [{ day: 'MON', start: '09:00', end: '10:30' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

let studentCounter = 0;
/** A student inserted directly (no Argon2 per fixture); the 학번 starts with F so it never meets an issued one. */
export async function insertStudent(
  t: TestApp,
  departmentId: number,
  options: { name?: string; year?: number; mustChangePassword?: boolean } = {},
): Promise<{ id: number; studentNo: string }> {
  studentCounter += 1;
  const studentNo = `F${String(process.pid % 1000).padStart(3, '0')}${String(studentCounter).padStart(3, '0')}`;
  const result = await t.karina.db
    .insertInto('students')
    .values({
      student_no: studentNo,
      name: options.name ?? unique('학생'),
      department_id: departmentId,
      entry_year: 2025,
      year: options.year ?? 1,
      password_hash: await fixturePasswordHash(),
      must_change_password: options.mustChangePassword ? 1 : 0,
      created_at: t.clock.now(),
    })
    .executeTakeFirst();
  return { id: Number(result.insertId), studentNo };
}

/** An enrollment row written directly, with the seat counter bumped as the engine would. */
export function enroll(t: TestApp, studentId: number, sectionId: number): Promise<void> {
  return insertEnrollment(t.karina.db, studentId, sectionId, t.clock.now());
}

export function addToCart(t: TestApp, studentId: number, sectionId: number): Promise<void> {
  return insertCartItem(t.karina.db, studentId, sectionId, t.clock.now());
}

export function addToWaitlist(t: TestApp, studentId: number, sectionId: number): Promise<void> {
  return insertWaitlistEntry(t.karina.db, studentId, sectionId, t.clock.now());
}

export async function sectionTaken(t: TestApp, sectionId: number): Promise<number | undefined> {
  const row = await t.karina.db
    .selectFrom('sections')
    .select('taken')
    .where('id', '=', sectionId)
    .executeTakeFirst();
  return row?.taken;
}

export async function auditActions(t: TestApp, target: string): Promise<string[]> {
  const rows = await t.karina.db
    .selectFrom('audit_log')
    .select('action')
    .where('target', '=', target)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

export async function countRows(
  t: TestApp,
  table:
    'departments' | 'professors' | 'students' | 'subjects' | 'sections' | 'posts' | 'periods' | 'audit_log',
): Promise<number> {
  const row = await t.karina.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
