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

describeBrowser('수강편람 in a real browser', () => {
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

  it('a student filters and sorts (kept in the address across a reload), opens a detail and adds it to the cart', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await signInStudent(context, karina.baseUrl, world.studentNo);
    await page.goto('/sugang/catalog');
    await poll(() => page.getByRole('link', { name: '자료구조' }).count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(4);
    await expectAccessible(page, 'the catalog');
    await saveScreenshot(page, 'catalog');

    await page.getByLabel('이수 구분').selectOption('major_required');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('type')).toBe('major_required');

    await page.getByRole('button', { name: '조건 지우기' }).click();
    await poll(() => page.locator('tbody tr').count()).toBe(4);
    await page.getByRole('button', { name: '학점 기준 정렬' }).click();
    await page.getByRole('button', { name: '학점 기준 정렬' }).click();
    await poll(() => new URL(page.url()).search).toBe('?sort=credits&order=desc');
    await page.reload();
    await poll(() => page.locator('tbody tr').count()).toBe(4);
    // Descending by credits, ties by code: the 2-credit 글쓰기 comes last.
    expect(await page.locator('tbody tr td[data-label="과목명"]').allTextContents()).toEqual([
      '자료구조',
      '운영체제',
      '선형대수',
      '글쓰기',
    ]);
    const header = page.getByRole('columnheader', { name: '학점 기준 정렬' });
    expect(await header.getAttribute('aria-sort')).toBe('descending');

    await page.getByLabel('시작 시각 (이후)').selectOption('13:00');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await poll(() => page.locator('tbody tr').count()).toBe(2);

    await page.getByRole('link', { name: '선형대수' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('선형대수 1분반');
    expect(await page.getByText('이교수').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a section detail');

    await page.getByRole('button', { name: '장바구니에 담기' }).click();
    await poll(() =>
      page.getByRole('status').filter({ hasText: '선형대수 1분반을 장바구니에 담았습니다.' }).count(),
    ).toBe(1);
    const cart = await karina.call('GET', '/sugang/api/cart', {
      token: await karina.tokenFor('student', world.studentId),
    });
    expect(cart.json<{ items: { sectionId: number }[] }>().items.map((i) => i.sectionId)).toEqual([
      world.sections.linearAlgebra,
    ]);

    await page.goto(`/sugang/catalog/${world.sections.dataStructures}`);
    await poll(() => page.getByText('배열, 연결 리스트, 트리와 그래프를 다룹니다.').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone (390×844) the catalog reads as labelled cards without sideways scrolling', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto('/sugang/catalog');
    await poll(() => page.getByRole('link', { name: '자료구조' }).count()).toBe(1);
    // Evaluated in the page; this file is type-checked without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const cell = page.locator('tbody tr').first().locator('td[data-label="정원 / 신청"]');
    expect(await cell.isVisible()).toBe(true);
    const before = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('tbody tr td[data-label="정원 / 신청"]'), '::before').content`,
    );
    expect(before).toBe('"정원 / 신청"');
    await expectAccessible(page, 'the catalog on a phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
