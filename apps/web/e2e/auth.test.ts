import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { FIXTURE_PASSWORD } from '../../server/test/support/app.js';
import { makeDepartment, makeStudents } from '../../server/test/support/fixtures.js';
import {
  describeBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  saveScreenshot,
} from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const WAIT = { timeout: 15_000 };

async function studentNo(karina: RunningKarina, id: number): Promise<{ studentNo: string; name: string }> {
  const row = await karina.karina.db
    .selectFrom('students')
    .select(['student_no', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { studentNo: row.student_no, name: row.name };
}

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('학번 또는 관리자 아이디').fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
}

describeBrowser('sign-in, forced password change and sign-out in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let departmentId: number;
  let student: { studentNo: string; name: string };
  let pending: { studentNo: string; name: string };
  let withPhone: { studentNo: string; name: string };

  beforeAll(async () => {
    // The browser's cookie jar runs on the real clock: a session cookie whose Expires came from
    // the fake clock's default (months ago) would be dropped at once.
    karina = await startKarina({}, new FakeClock(Date.now()));
    browser = await launchBrowser();
    const db = karina.karina.db;
    ({ id: departmentId } = await makeDepartment(db, '전자공학과'));
    const [a = -1] = await makeStudents(db, departmentId, 1);
    const [b = -1] = await makeStudents(db, departmentId, 1, { mustChangePassword: true });
    const [c = -1] = await makeStudents(db, departmentId, 1, { tel: '010-5555-0101' });
    student = await studentNo(karina, a);
    pending = await studentNo(karina, b);
    withPhone = await studentNo(karina, c);
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('a student signs in with their 학번 and lands on 수강신청; a wrong password is a sentence', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor(WAIT);
    await expectAccessible(page, 'sign-in (ko)');
    await saveScreenshot(page, 'sign-in');

    await fillSignIn(page, student.studentNo, 'not-the-password-1');
    await expect
      .poll(() => page.getByRole('alert').textContent(), WAIT)
      .toContain('학번(아이디) 또는 비밀번호가 맞지 않습니다');
    await expectAccessible(page, 'sign-in with an error');

    await page.getByLabel('비밀번호', { exact: true }).fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sugang', WAIT);
    await page.getByText(`${student.name} 님`).waitFor(WAIT);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name.includes('karina_session'))?.httpOnly).toBe(true);
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
    expect(stored).not.toMatch(/token|session/i);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('a deep link to a protected page while signed out goes to sign-in, then back to that page', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await page.goto('/student/me');
    await page.waitForURL(
      (url) => url.pathname === '/' && url.searchParams.get('next') === '/student/me',
      WAIT,
    );
    await fillSignIn(page, student.studentNo, FIXTURE_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/student/me', WAIT);
    await page.getByRole('heading', { level: 1, name: '내 정보' }).waitFor(WAIT);
    await context.close();
  });

  it('first sign-in forces a password change (policy shown first); then the new password works', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await page.goto('/');
    await fillSignIn(page, pending.studentNo, FIXTURE_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/student/password', WAIT);
    await page.getByText('비밀번호 규칙').waitFor(WAIT);
    expect(await page.getByText('10자 이상').count()).toBe(1);
    await expectAccessible(page, 'forced password change (ko)');

    // A protected page still sends the student back here until the password is changed.
    await page.goto('/sugang/timetable');
    await page.waitForURL((url) => url.pathname === '/student/password', WAIT);

    const fresh = 'brand-new-pass-42';
    await page.getByLabel('현재 비밀번호').fill(FIXTURE_PASSWORD);
    await page.getByLabel('새 비밀번호', { exact: true }).fill(fresh);
    await page.getByLabel('새 비밀번호 확인').fill(fresh);
    await page.getByRole('button', { name: '비밀번호 변경' }).click();
    await page.waitForURL((url) => url.pathname === '/sugang/timetable', WAIT);

    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '', WAIT);
    await fillSignIn(page, pending.studentNo, FIXTURE_PASSWORD);
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('맞지 않습니다');
    await page.getByLabel('비밀번호', { exact: true }).fill(fresh);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sugang', WAIT);
    await context.close();
  });

  it('sign out ends the session: the cookie stops working and a protected page sends to sign-in', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await page.goto('/?next=%2Fstudent%2Fme');
    await fillSignIn(page, student.studentNo, FIXTURE_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/student/me', WAIT);
    const before = await context.cookies();
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '', WAIT);
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor(WAIT);

    // The old cookie, replayed, is refused by the server: the session itself ended.
    const session = before.find((c) => c.name.includes('karina_session'));
    expect(session).toBeDefined();
    const replay = await fetch(`${karina.baseUrl}/student/api/me`, {
      headers: { cookie: `${session?.name}=${session?.value}` },
    });
    expect(replay.status).toBe(401);

    await page.goto('/student/me');
    await page.waitForURL(
      (url) => url.pathname === '/' && url.searchParams.get('next') === '/student/me',
      WAIT,
    );
    await context.close();
  });

  it('학번 조회 finds the number by name, department and phone, and says so when nothing matches', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await page.goto('/');
    await page.getByRole('link', { name: /학번 조회/ }).click();
    await page.waitForURL((url) => url.pathname === '/student/lookup', WAIT);
    await page.getByRole('heading', { level: 1, name: '학번 조회' }).waitFor(WAIT);
    await page.getByLabel('이름').fill(withPhone.name);
    await page.getByLabel('학과').selectOption({ label: `전자공학과 (${await departmentCode()})` });
    await page.getByLabel('전화번호').fill('010-5555-0101');
    await page.getByRole('button', { name: '학번 찾기' }).click();
    await page.getByText(`학번은 ${withPhone.studentNo}입니다.`).waitFor(WAIT);
    await expectAccessible(page, 'student number lookup (ko)');

    await page.getByLabel('전화번호').fill('010-0000-0000');
    await page.getByRole('button', { name: '학번 찾기' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), WAIT)
      .toContain('일치하는 학생이 없습니다');
    await context.close();
  });

  async function departmentCode(): Promise<string> {
    const row = await karina.karina.db
      .selectFrom('departments')
      .select('code')
      .where('id', '=', departmentId)
      .executeTakeFirstOrThrow();
    return row.code;
  }
});
