import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  saveScreenshot,
} from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';
import { poll, seedSugangWorld, signInStudent, sugangClock } from './support/sugang-world.js';
import type { SugangWorld } from './support/sugang-world.js';

describeBrowser('장바구니 in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let world: SugangWorld;
  beforeAll(async () => {
    karina = await startKarina({}, sugangClock());
    world = await seedSugangWorld(karina);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('adds from the catalog, is warned of an overlap before adding, registers all and finds them in the timetable', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await signInStudent(context, karina.baseUrl, world.studentNo);
    await page.goto('/sugang/catalog?q=%EC%9E%90%EB%A3%8C');
    await page.getByRole('button', { name: '자료구조 1분반 장바구니에 담기' }).click();
    await poll(() =>
      page.getByRole('status').filter({ hasText: '자료구조 1분반을 장바구니에 담았습니다.' }).count(),
    ).toBe(1);

    await page.goto('/sugang/catalog');
    await page.getByRole('button', { name: '운영체제 1분반 장바구니에 담기' }).click();
    const dialog = page.getByRole('dialog', { name: '담기 전에 확인하세요' });
    await poll(() => dialog.getByText('겹침: 자료구조 1분반').count()).toBe(1);
    await expectAccessible(page, 'the overlap warning');
    await dialog.getByRole('button', { name: '취소' }).click();
    await poll(() => dialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: '선형대수 1분반 장바구니에 담기' }).click();
    await poll(() =>
      page.getByRole('status').filter({ hasText: '선형대수 1분반을 장바구니에 담았습니다.' }).count(),
    ).toBe(1);

    await page.getByRole('link', { name: '장바구니', exact: true }).click();
    await poll(() => page.getByText('담은 과목 합계 6학점').count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'the cart');
    await saveScreenshot(page, 'cart');

    await page.getByRole('button', { name: '전체 신청' }).click();
    const results = page.getByRole('region', { name: '신청 결과' });
    await poll(() => results.getByText('2건 신청 완료, 0건 실패').count()).toBe(1);
    expect(await results.getByRole('listitem').allTextContents()).toEqual([
      '자료구조 1분반: 신청 완료',
      '선형대수 1분반: 신청 완료',
    ]);
    await expectAccessible(page, 'the checkout results');
    const rows = await karina.karina.db
      .selectFrom('enrollments')
      .select('section_id')
      .where('student_id', '=', world.studentId)
      .orderBy('section_id')
      .execute();
    expect(rows.map((r) => r.section_id)).toEqual([
      world.sections.dataStructures,
      world.sections.linearAlgebra,
    ]);

    await page.getByRole('link', { name: '시간표', exact: true }).click();
    await poll(() => page.getByText('총 6학점').count()).toBe(1);
    const grid = page.getByRole('group', { name: '주간 시간표' });
    expect(await grid.locator('.tt-block strong').allTextContents()).toEqual([
      '자료구조',
      '선형대수',
      '자료구조',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('removing one item from the cart leaves the others', async () => {
    const { page, context } = await openPage(browser, karina.baseUrl);
    const db = karina.karina.db;
    await db.deleteFrom('cart_items').where('student_id', '=', world.studentId).execute();
    const now = karina.clock.now();
    await db
      .insertInto('cart_items')
      .values([
        { student_id: world.studentId, section_id: world.sections.operatingSystems, created_at: now },
        { student_id: world.studentId, section_id: world.sections.writing, created_at: now + 1 },
      ])
      .execute();
    await signInStudent(context, karina.baseUrl, world.studentNo);
    await page.goto('/sugang/cart');
    await page.getByRole('button', { name: '운영체제 1분반 장바구니에서 삭제' }).click();
    await poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody td[data-label="과목명"]').allTextContents()).toEqual(['글쓰기']);
    const left = await db
      .selectFrom('cart_items')
      .select('section_id')
      .where('student_id', '=', world.studentId)
      .execute();
    expect(left.map((r) => r.section_id)).toEqual([world.sections.writing]);
    await context.close();
  });
});
