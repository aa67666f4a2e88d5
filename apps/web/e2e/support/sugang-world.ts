import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { FakeClock } from '../../../server/src/platform/clock.js';
import { FIXTURE_PASSWORD } from '../../../server/test/support/app.js';
import {
  makeDepartment,
  makePeriod,
  makeProfessor,
  makeSection,
  makeStudents,
  makeSubject,
} from '../../../server/test/support/fixtures.js';
import type { RunningKarina } from './karina.js';

/**
 * A fake clock starting at the real now: the session cookie's expiry is set by the server's clock,
 * and the real browser drops a cookie that (by its own clock) has already expired.
 */
export function sugangClock(): FakeClock {
  return new FakeClock(Date.now());
}

export interface SugangWorld {
  studentNo: string;
  studentId: number;
  sections: { dataStructures: number; operatingSystems: number; linearAlgebra: number; writing: number };
}

/**
 * A small university for the catalog, cart and timetable journeys: one first-year student, an
 * open registration period (by the fake clock) capped at 18 credits, and four sections, two of
 * which overlap on Monday morning.
 */
export async function seedSugangWorld(karina: RunningKarina): Promise<SugangWorld> {
  const db = karina.karina.db;
  const cs = await makeDepartment(db, '컴퓨터공학과', '07');
  const math = await makeDepartment(db, '수학과', '08');
  const kim = await makeProfessor(db, cs.id, '김교수');
  const lee = await makeProfessor(db, math.id, '이교수');
  const ds = await makeSubject(db, cs.id, {
    code: 'CS101',
    name: '자료구조',
    credits: 3,
    type: 'major_required',
    targetYear: 1,
  });
  await db
    .updateTable('subjects')
    .set({ description: '배열, 연결 리스트, 트리와 그래프를 다룹니다.' })
    .where('id', '=', ds)
    .execute();
  const os = await makeSubject(db, cs.id, { code: 'CS201', name: '운영체제', credits: 3, targetYear: 2 });
  const la = await makeSubject(db, math.id, { code: 'MA101', name: '선형대수', credits: 3, targetYear: 1 });
  const wr = await makeSubject(db, math.id, { code: 'GE100', name: '글쓰기', credits: 2, type: 'general' });
  const sections = {
    dataStructures: await makeSection(db, ds, {
      professorId: kim,
      capacity: 40,
      meetings: [
        ['MON', '09:00', '10:30'],
        ['WED', '09:00', '10:30'],
      ],
    }),
    operatingSystems: await makeSection(db, os, { professorId: kim, meetings: [['MON', '10:00', '11:30']] }),
    linearAlgebra: await makeSection(db, la, { professorId: lee, meetings: [['TUE', '13:00', '14:30']] }),
    writing: await makeSection(db, wr, { professorId: null, meetings: [['FRI', '15:00', '17:00']] }),
  };
  const now = karina.clock.now();
  await makePeriod(db, {
    opensAt: now - 3_600_000,
    closesAt: now + 7 * 86_400_000,
    years: [1],
    maxCredits: 18,
  });
  const [studentId = -1] = await makeStudents(db, cs.id, 1, { year: 1 });
  const row = await db
    .selectFrom('students')
    .select('student_no')
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow();
  return { studentNo: row.student_no, studentId, sections };
}

/**
 * `expect.poll` with room for a page to load on a busy two-core machine (its default is 1 s);
 * still bounded, so a page that never shows the thing fails.
 */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000 });
}

/** Signs in through the API in the page's own context: the cookies land where the pages use them. */
export async function signInStudent(
  context: BrowserContext,
  baseUrl: string,
  studentNo: string,
): Promise<void> {
  const response = await context.request.post(`${baseUrl}/student/api/auth/login`, {
    data: { username: studentNo, password: FIXTURE_PASSWORD },
  });
  expect(response.status()).toBe(200);
}
