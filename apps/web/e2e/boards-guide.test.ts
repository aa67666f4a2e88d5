import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { makeDepartment, makePeriod } from '../../server/test/support/fixtures.js';
import { describeBrowser, expectAccessible, launchBrowser, openPage } from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const WAIT = { timeout: 15_000 };
const HOUR = 3_600_000;

describeBrowser('학과 게시판 and 수강신청 안내 in a real browser (no sign-in)', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let departmentId: number;

  beforeAll(async () => {
    karina = await startKarina({}, new FakeClock(Date.now()));
    browser = await launchBrowser();
    const db = karina.karina.db;
    ({ id: departmentId } = await makeDepartment(db, '국어국문학과'));
    await makeDepartment(db, '사학과');
    for (const [title, body] of [
      ['2학기 전공 설명회', '11월 3일 인문관 101호에서 전공 설명회를 엽니다.\n신청은 필요 없습니다.'],
      ['졸업논문 제출 안내', '12월 1일까지 학과 사무실에 제출하세요.'],
    ] as const) {
      const r = await karina.call('POST', `/admin/api/departments/${departmentId}/posts`, {
        token: karina.adminToken,
        body: { title, body },
      });
      expect(r.statusCode).toBe(201);
    }
    const now = karina.clock.now();
    await makePeriod(db, { opensAt: now - HOUR, closesAt: now + 24 * HOUR, kind: 'cart', maxCredits: 21 });
    // 2027-02-10 10:00 in Seoul is 01:00 UTC, and 20:00 the day before on this New York device.
    await makePeriod(db, {
      opensAt: Date.UTC(2027, 1, 10, 1, 0),
      closesAt: Date.UTC(2027, 1, 12, 9, 0),
      years: [4],
      maxCredits: 18,
    });
    for (const [title, pinned] of [
      ['수강신청 전 확인하세요', false],
      ['정정 기간 유의사항', true],
    ] as const) {
      const r = await karina.call('POST', '/admin/api/notices', {
        token: karina.adminToken,
        body: { title, body: `${title}: 본문`, pinned },
      });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('boards: the departments, one department’s posts, then one post to read', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await page.goto('/student/boards');
    await page.getByRole('heading', { level: 1, name: '학과 게시판' }).waitFor(WAIT);
    await page.getByRole('link', { name: '사학과' }).waitFor(WAIT);
    await expectAccessible(page, 'boards list (ko)');

    await page.getByRole('link', { name: '국어국문학과' }).click();
    await page.getByRole('heading', { level: 1, name: '국어국문학과 게시판' }).waitFor(WAIT);
    const titles = await page.getByRole('row').locator('a').allTextContents();
    expect(titles).toEqual(['졸업논문 제출 안내', '2학기 전공 설명회']);
    await expectAccessible(page, 'one board (ko)');

    await page.getByRole('link', { name: '2학기 전공 설명회' }).click();
    await page.getByRole('heading', { level: 1, name: '2학기 전공 설명회' }).waitFor(WAIT);
    expect(await page.locator('article').innerText()).toBe(
      '11월 3일 인문관 101호에서 전공 설명회를 엽니다.\n신청은 필요 없습니다.',
    );
    await expectAccessible(page, 'one post (ko)');
    await page.getByRole('link', { name: '국어국문학과 게시판으로' }).click();
    await page.waitForURL((url) => url.pathname === `/student/boards/${departmentId}`, WAIT);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('guide: the schedule in Seoul time with the open period marked, pinned notices first', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await page.goto('/sugang/guide');
    await page.getByRole('heading', { level: 1, name: '수강신청 안내' }).waitFor(WAIT);
    const allYears = page.getByRole('region', { name: '전 학년' });
    await allYears.getByText('진행 중').waitFor(WAIT);
    expect(await allYears.getByRole('row').nth(1).innerText()).toContain('예비수강신청(장바구니)');
    expect(await allYears.getByRole('row').nth(1).innerText()).toContain('21학점');

    const fourth = page.getByRole('region', { name: '4학년' });
    const row = await fourth.getByRole('row').nth(1).innerText();
    expect(row).toContain('2027. 2. 10. 10:00');
    expect(row).toContain('2027. 2. 12. 18:00');
    expect(row).toContain('예정');

    const notices = await page
      .getByRole('region', { name: '유의사항' })
      .getByRole('heading', { level: 3 })
      .allInnerTexts();
    expect(notices.map((n) => n.trim())).toEqual(['중요 정정 기간 유의사항', '수강신청 전 확인하세요']);
    await expectAccessible(page, 'guide (ko)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
