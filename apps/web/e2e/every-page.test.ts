import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../../server/test/support/app.js';
import {
  insertEnrollment,
  makeDepartment,
  makePeriod,
  makeProfessor,
  makeSection,
  makeStudents,
  makeSubject,
} from '../../server/test/support/fixtures.js';
import {
  describeBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  waitUntilLoaded,
} from './support/browser.js';
import type { OpenedPage } from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const WAIT = { timeout: 15_000 };
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Every page of the app, signed out, as a student and as the registrar, in Korean and in English
 * (the data is named in English, so any Hangul in an English heading is an untranslated word):
 * each shows its heading in the chosen language, has no serious or critical axe violation, and
 * logs no console error.
 */
describeBrowser('every page in both languages', () => {
  let karina: RunningKarina;
  let browser: Browser;
  const paths = { anonymous: [] as string[], student: [] as string[], admin: [] as string[] };
  let studentNo = '';

  beforeAll(async () => {
    karina = await startKarina();
    browser = await launchBrowser();
    const db = karina.karina.db;
    const department = await makeDepartment(db, 'Computer Science');
    const professor = await makeProfessor(db, department.id, 'Prof. Kim');
    const subject = await makeSubject(db, department.id, { name: 'Data Structures', credits: 3 });
    const section = await makeSection(db, subject, {
      capacity: 30,
      professorId: professor,
      meetings: [['MON', '09:00', '10:30']],
    });
    const now = karina.clock.now();
    await makePeriod(db, { opensAt: now - 3_600_000, closesAt: now + 86_400_000 });
    const [student = -1] = await makeStudents(db, department.id, 1);
    await insertEnrollment(db, student, section);
    studentNo = (
      await db.selectFrom('students').select('student_no').where('id', '=', student).executeTakeFirstOrThrow()
    ).student_no;
    const post = await karina.call('POST', `/admin/api/departments/${department.id}/posts`, {
      token: karina.adminToken,
      body: { title: 'Exam week', body: 'No classes on Friday.' },
    });
    expect(post.statusCode).toBe(201);
    const postId = post.json<{ id: number }>().id;
    paths.anonymous = [
      '/',
      '/student/lookup',
      '/sugang/catalog',
      `/sugang/catalog/${section}`,
      '/sugang/guide',
      '/student/boards',
      `/student/boards/${department.id}`,
      `/student/posts/${postId}`,
    ];
    paths.student = ['/sugang', '/sugang/cart', '/sugang/timetable', '/student/me', '/student/password'];
    paths.admin = [
      '/admin',
      '/admin/monitor',
      '/admin/departments',
      '/admin/professors',
      '/admin/students',
      '/admin/students/import',
      '/admin/subjects',
      '/admin/sections',
      '/admin/sections/new',
      `/admin/sections/${section}`,
      '/admin/periods',
      '/admin/posts',
      '/admin/notices',
      '/admin/audit',
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  async function signedIn(opened: OpenedPage, username: string, password: string): Promise<void> {
    const login = await opened.page.request.post('/student/api/auth/login', { data: { username, password } });
    expect(login.status()).toBe(200);
  }

  async function visitAll(opened: OpenedPage, list: string[], locale: 'ko' | 'en'): Promise<void> {
    const { page, problems } = opened;
    for (const path of list) {
      await page.goto(path);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor(WAIT);
      await waitUntilLoaded(page);
      const title = (await heading.textContent()) ?? '';
      expect(title, path).not.toBe('');
      if (locale === 'en') expect(title, `${path} heading in English`).not.toMatch(HANGUL);
      expect(await page.evaluate<string>('document.documentElement.lang'), path).toBe(locale);
      await expectAccessible(page, `${path} (${locale})`);
    }
    expect(problems).toEqual([]);
  }

  async function inLocale(locale: 'ko' | 'en'): Promise<OpenedPage> {
    const opened = await openPage(browser, karina.baseUrl);
    await opened.context.addInitScript({ content: `localStorage.setItem('karina.locale', '${locale}')` });
    return opened;
  }

  // Some 50 page loads with an axe run each: minutes on a loaded two-core machine, not one.
  for (const locale of ['ko', 'en'] as const) {
    it(`signed out, a student and the registrar each see every page of theirs in ${locale}`, async () => {
      const contexts: BrowserContext[] = [];
      const anonymous = await inLocale(locale);
      contexts.push(anonymous.context);
      await visitAll(anonymous, paths.anonymous, locale);

      const student = await inLocale(locale);
      contexts.push(student.context);
      await signedIn(student, studentNo, FIXTURE_PASSWORD);
      await visitAll(student, paths.student, locale);

      const admin = await inLocale(locale);
      contexts.push(admin.context);
      await signedIn(admin, 'admin', karina.config.adminPassword ?? '');
      await visitAll(admin, paths.admin, locale);
      await Promise.all(contexts.map((c) => c.close()));
    }, 240_000);
  }
});
