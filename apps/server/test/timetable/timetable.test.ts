import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { LONG_SUBJECT_NAME, insertEnrollment, insertStudent, seedCatalog } from '../catalog/fixtures.js';
import type { CatalogFixture } from '../catalog/fixtures.js';
import { parseIcs, unescapeText } from './ics-reader.js';

interface Timetable {
  items: {
    sectionId: number;
    subjectCode: string;
    subjectName: string;
    credits: number;
    professor: { id: number; name: string } | null;
    meetings: { day: string; start: string; end: string }[];
  }[];
  totalCredits: number;
  grid: Record<string, { sectionId: number; start: string; end: string }[]>;
}

const WEEKDAY_OF_UTC_DAY = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

describe.each(testDatabaseKinds())('timetable on $label', ({ name }) => {
  let t: TestApp;
  let f: CatalogFixture;
  let twoSections: number;
  let icsStudent: number;
  let emptyStudent: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    const db = t.karina.db;
    f = await seedCatalog(db);
    const dept = f.departments.cs;
    twoSections = await insertStudent(db, { departmentId: dept, studentNo: '2607001', name: '가', year: 2 });
    icsStudent = await insertStudent(db, { departmentId: dept, studentNo: '2607002', name: '나', year: 2 });
    emptyStudent = await insertStudent(db, { departmentId: dept, studentNo: '2607003', name: '다', year: 2 });
    await insertEnrollment(db, twoSections, f.sections.linearAlgebra1);
    await insertEnrollment(db, twoSections, f.sections.dataStructures1);
    await insertEnrollment(db, icsStudent, f.sections.dataStructures1);
    await insertEnrollment(db, icsStudent, f.sections.os1);
    await insertEnrollment(db, icsStudent, f.sections.calculus1);
  });
  afterAll(async () => t?.close());

  it('when a student holds two sections, the timetable lists both with credits and a weekday grid', async () => {
    const token = await t.tokenFor('student', twoSections);
    const res = await t.call('GET', '/sugang/api/timetable', { token });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Timetable>();
    expect(body.items).toEqual([
      {
        sectionId: f.sections.dataStructures1,
        sectionNumber: 1,
        subjectCode: 'C070001',
        subjectName: '자료구조',
        credits: 3,
        professor: { id: f.professors.kim, name: '김교수' },
        meetings: [
          { day: 'MON', start: '09:00', end: '10:30' },
          { day: 'WED', start: '09:00', end: '10:30' },
        ],
      },
      {
        sectionId: f.sections.linearAlgebra1,
        sectionNumber: 1,
        subjectCode: 'C120001',
        subjectName: '선형대수',
        credits: 3,
        professor: { id: f.professors.lee, name: 'Lee Professor' },
        meetings: [{ day: 'MON', start: '13:00', end: '14:30' }],
      },
    ]);
    expect(body.totalCredits).toBe(6);
    expect(Object.keys(body.grid)).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']);
    expect(body.grid.MON?.map((c) => [c.sectionId, c.start, c.end])).toEqual([
      [f.sections.dataStructures1, '09:00', '10:30'],
      [f.sections.linearAlgebra1, '13:00', '14:30'],
    ]);
    expect(body.grid.WED?.map((c) => c.sectionId)).toEqual([f.sections.dataStructures1]);
    expect(body.grid.TUE).toEqual([]);
    const held = await t.karina.db
      .selectFrom('enrollments')
      .select((eb) => eb.fn.sum<number>('credits').as('credits'))
      .where('student_id', '=', twoSections)
      .executeTakeFirstOrThrow();
    expect(Number(held.credits)).toBe(body.totalCredits);
  });

  it('when a student holds nothing, the timetable is empty with zero credits', async () => {
    const token = await t.tokenFor('student', emptyStudent);
    const res = await t.call('GET', '/sugang/api/timetable?format=json', { token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [],
      totalCredits: 0,
      grid: { MON: [], TUE: [], WED: [], THU: [], FRI: [], SAT: [] },
    });
  });

  it('when nobody is logged in, the timetable is 401 UNAUTHENTICATED', async () => {
    for (const url of ['/sugang/api/timetable', '/sugang/api/timetable?format=ics']) {
      const res = await t.call('GET', url);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('when an admin asks for a timetable, the answer is 403 FORBIDDEN', async () => {
    const res = await t.call('GET', '/sugang/api/timetable', { token: t.adminToken });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it.each(['format=pdf', 'format=ICS', 'format=', 'week=1'])(
    'when the timetable query has %s, the answer is 400 VALIDATION_FAILED',
    async (query) => {
      const token = await t.tokenFor('student', twoSections);
      const res = await t.call('GET', `/sugang/api/timetable?${query}`, { token });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    },
  );

  it('when exported as ics, the file is a valid weekly calendar starting on the next matching day in Seoul', async () => {
    // 2026-03-04 (Wed) 15:30 UTC is already Thursday 2026-03-05 00:30 in Seoul.
    const now = Date.UTC(2026, 2, 4, 15, 30, 0);
    t.clock.set(now);
    const token = await t.tokenFor('student', icsStudent);
    const res = await t.call('GET', '/sugang/api/timetable?format=ics', { token });

    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="timetable.ics"');
    const raw = res.body;
    expect(raw).not.toContain('\uFFFD');
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const physical of raw.split('\r\n'))
      expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(raw.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);

    const cal = parseIcs(raw);
    expect(cal.name).toBe('VCALENDAR');
    expect(cal.prop('VERSION')?.value).toBe('2.0');
    expect(cal.prop('PRODID')?.value).toBeTruthy();
    const tz = cal.children.filter((c) => c.name === 'VTIMEZONE');
    expect(tz).toHaveLength(1);
    expect(tz[0]?.prop('TZID')?.value).toBe('Asia/Seoul');
    const standard = tz[0]?.children.find((c) => c.name === 'STANDARD');
    expect(standard?.prop('TZOFFSETTO')?.value).toBe('+0900');
    expect(tz[0]?.children.some((c) => c.name === 'DAYLIGHT')).toBe(false);

    const events = cal.children.filter((c) => c.name === 'VEVENT');
    // 자료구조 1분반 meets twice, 운영체제 and the long-named subject once each.
    expect(events).toHaveLength(4);
    const uids = events.map((e) => e.prop('UID')?.value);
    expect(new Set(uids).size).toBe(4);

    const expected = [
      { section: f.sections.dataStructures1, day: 'MON', start: '20260309T090000', end: '20260309T103000' },
      { section: f.sections.dataStructures1, day: 'WED', start: '20260311T090000', end: '20260311T103000' },
      { section: f.sections.os1, day: 'THU', start: '20260305T103000', end: '20260305T120000' },
      { section: f.sections.calculus1, day: 'SAT', start: '20260307T210000', end: '20260308T000000' },
    ];
    for (const want of expected) {
      const event = events.find(
        (e) =>
          e.prop('UID')?.value === `section-${want.section}-${want.day}-${want.start.slice(9, 13)}@karina`,
      );
      expect(event, `${want.section} ${want.day}`).toBeDefined();
      const dtstart = event?.prop('DTSTART');
      expect(dtstart?.params).toEqual({ TZID: 'Asia/Seoul' });
      expect(dtstart?.value).toBe(want.start);
      expect(event?.prop('DTEND')?.value).toBe(want.end);
      expect(event?.prop('DTEND')?.params).toEqual({ TZID: 'Asia/Seoul' });
      expect(event?.prop('RRULE')?.value).toBe('FREQ=WEEKLY;COUNT=16');
      expect(event?.prop('DTSTAMP')?.value).toBe('20260304T153000Z');
      expect(event?.prop('LOCATION')).toBeUndefined();
      const date = want.start.slice(0, 8);
      const utcDay = new Date(
        Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)),
      ).getUTCDay();
      expect(WEEKDAY_OF_UTC_DAY[utcDay]).toBe(want.day);
    }

    const summaries = events.map((e) => unescapeText(e.prop('SUMMARY')?.value ?? ''));
    expect(summaries).toContain('자료구조 (1분반)');
    expect(summaries).toContain(`${LONG_SUBJECT_NAME} (1분반)`);
    const long = events.find((e) => unescapeText(e.prop('SUMMARY')?.value ?? '').startsWith('미적분'));
    expect(long?.prop('SUMMARY')?.value).toContain('미적분\\, 심화\\; 특강');
    expect(long?.prop('SUMMARY')?.value).toContain('\\\\ 부제');
    expect(unescapeText(long?.prop('DESCRIPTION')?.value ?? '')).toBe('Lee Professor');
  });

  it('when a section has no professor, its events say 교수 미정, and the first date may be today', async () => {
    const db = t.karina.db;
    const student = await insertStudent(db, {
      departmentId: f.departments.cs,
      studentNo: '2607004',
      name: '라',
      year: 2,
    });
    await insertEnrollment(db, student, f.sections.dataStructures2);
    // Tuesday 2026-03-10 08:00 in Seoul: the TUE 13:00 class starts today.
    t.clock.set(Date.UTC(2026, 2, 9, 23, 0, 0));
    const res = await t.call('GET', '/sugang/api/timetable?format=ics', {
      token: await t.tokenFor('student', student),
    });
    expect(res.statusCode).toBe(200);
    const events = parseIcs(res.body).children.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(1);
    expect(unescapeText(events[0]?.prop('DESCRIPTION')?.value ?? '')).toBe('교수 미정');
    expect(events[0]?.prop('DTSTART')?.value).toBe('20260310T130000');
  });

  it('when a student holds nothing, the ics export is an empty but valid calendar', async () => {
    const res = await t.call('GET', '/sugang/api/timetable?format=ics', {
      token: await t.tokenFor('student', emptyStudent),
    });
    expect(res.statusCode).toBe(200);
    const cal = parseIcs(res.body);
    expect(cal.children.map((c) => c.name)).toEqual(['VTIMEZONE']);
  });
});
