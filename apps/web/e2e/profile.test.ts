import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { FIXTURE_PASSWORD } from '../../server/test/support/app.js';
import { makeDepartment, makeStudents } from '../../server/test/support/fixtures.js';
import { describeBrowser, expectAccessible, launchBrowser, openPage } from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const WAIT = { timeout: 15_000 };

async function signInTo(page: Page, next: string, username: string) {
  await page.goto(`/?next=${encodeURIComponent(next)}`);
  await page.getByLabel('학번 또는 관리자 아이디').fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill(FIXTURE_PASSWORD);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await page.waitForURL((url) => url.pathname === next, WAIT);
}

describeBrowser('내 정보 (profile) in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let studentId: number;
  let studentNo: string;

  beforeAll(async () => {
    // Real time: the browser drops a session cookie whose Expires lies in its past.
    karina = await startKarina({}, new FakeClock(Date.now()));
    browser = await launchBrowser();
    const db = karina.karina.db;
    const { id } = await makeDepartment(db, '기계공학과');
    [studentId = -1] = await makeStudents(db, id, 1, { tel: '010-1111-2222' });
    studentNo = (
      await db
        .selectFrom('students')
        .select('student_no')
        .where('id', '=', studentId)
        .executeTakeFirstOrThrow()
    ).student_no;
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('an edit is saved, still there after a reload, and only the edited fields changed', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await signInTo(page, '/student/me', studentNo);
    await page.getByRole('heading', { level: 1, name: '내 정보' }).waitFor(WAIT);
    expect(await page.getByLabel('전화번호').inputValue()).toBe('010-1111-2222');
    await expectAccessible(page, 'profile (ko)');

    await page.getByLabel('이메일').fill('me@example.ac.kr');
    await page.getByLabel('우편번호').fill('04763');
    await page.getByLabel('주소', { exact: true }).fill('서울 성동구 왕십리로 222');
    await page.getByLabel('생년월일').fill('2006-05-07');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('.alert-success').getByText('저장되었습니다.').waitFor(WAIT);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '내 정보' }).waitFor(WAIT);
    await expect.poll(() => page.getByLabel('이메일').inputValue(), WAIT).toBe('me@example.ac.kr');
    expect(await page.getByLabel('우편번호').inputValue()).toBe('04763');
    expect(await page.getByLabel('주소', { exact: true }).inputValue()).toBe('서울 성동구 왕십리로 222');
    expect(await page.getByLabel('생년월일').inputValue()).toBe('2006-05-07');
    expect(await page.getByLabel('전화번호').inputValue()).toBe('010-1111-2222');

    const audit = await karina.karina.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'student.update_profile')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.detail))).toEqual({
      fields: ['email', 'birth_date', 'postcode', 'address1'],
    });
    await context.close();
  });

  it('a phone number too short to dial is refused on its field, in English too', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    await signInTo(page, '/student/me', studentNo);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor(WAIT);
    await page.getByLabel('Phone number').fill('010-12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a phone number with 8 to 15 digits.').first().waitFor(WAIT);
    expect(await page.getByLabel('Phone number').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'profile with a field error (en)');

    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor(WAIT);
    await page.getByText('At least 10 characters').waitFor(WAIT);
    await expectAccessible(page, 'password change (en)');
    await context.close();
  });
});
