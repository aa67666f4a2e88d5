import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { makeDepartment } from '../../server/test/support/fixtures.js';
import {
  describeBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  waitUntilLoaded,
} from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const WAIT = { timeout: 15_000 };
const HOUR = 3_600_000;

/**
 * The page's rendered lines with Hangul in them, leaving out what is Korean on purpose: elements
 * marked lang="ko" (the switch back, "한국어", named in its own language). innerText skips what is
 * not rendered, such as the bilingual <noscript> note.
 */
async function koreanLeft(page: Page): Promise<string[]> {
  const onPurpose = new Set((await page.locator('[lang="ko"]').allInnerTexts()).map((t) => t.trim()));
  return (await page.locator('body').innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /[\u3131-\u318e\uac00-\ud7a3]/.test(line) && !onPurpose.has(line));
}

describeBrowser('the language switch in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let departmentId: number;
  let postId: number;

  beforeAll(async () => {
    karina = await startKarina({}, new FakeClock(Date.now()));
    browser = await launchBrowser();
    // English data, so any Hangul left on the page is the app's own text.
    ({ id: departmentId } = await makeDepartment(karina.karina.db, 'History'));
    await karina.karina.db.updateTable('admins').set({ name: 'Registrar' }).execute();
    const post = await karina.call('POST', `/admin/api/departments/${departmentId}/posts`, {
      token: karina.adminToken,
      body: { title: 'Thesis deadline', body: 'Hand in your thesis by 1 December.' },
    });
    postId = post.json<{ id: number }>().id;
    const now = karina.clock.now();
    const period = await karina.call('POST', '/admin/api/periods', {
      token: karina.adminToken,
      body: {
        name: 'Spring registration',
        kind: 'registration',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 48 * HOUR).toISOString(),
        years: [1, 2, 3, 4],
        maxCredits: 18,
      },
    });
    expect(period.statusCode).toBe(201);
    const notice = await karina.call('POST', '/admin/api/notices', {
      token: karina.adminToken,
      body: { title: 'Check your timetable', body: 'Before you register, check for clashes.', pinned: true },
    });
    expect(notice.statusCode).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('English is used everywhere on every page, remembered after a reload, and Korean comes back', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Sign in · Karina');
    expect(await koreanLeft(page)).toEqual([]);
    await expectAccessible(page, 'sign-in (en)');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(WAIT);

    const pages: [string, string][] = [
      ['/student/lookup', 'Student number lookup'],
      ['/student/boards', 'Department notice boards'],
      [`/student/boards/${departmentId}`, 'History board'],
      [`/student/posts/${postId}`, 'Thesis deadline'],
      ['/sugang/guide', 'Registration guide'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor(WAIT);
      await waitUntilLoaded(page);
      expect(await koreanLeft(page), path).toEqual([]);
      await expectAccessible(page, `${path} (en)`);
    }
    expect(await page.getByText('Open now').count()).toBe(1);
    expect(await page.getByText('Registration', { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: /한국어/ }).click();
    await page.getByRole('heading', { level: 1, name: '수강신청 안내' }).waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '수강신청 안내' }).waitFor(WAIT);
    expect(problems).toEqual([]);
    await context.close();
  });
});
