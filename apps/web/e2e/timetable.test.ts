import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEnrollment } from '../../server/test/support/fixtures.js';
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

describeBrowser('시간표 in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let world: SugangWorld;
  beforeAll(async () => {
    karina = await startKarina({}, sugangClock());
    world = await seedSugangWorld(karina);
    const db = karina.karina.db;
    await insertEnrollment(db, world.studentId, world.sections.dataStructures);
    await insertEnrollment(db, world.studentId, world.sections.linearAlgebra);
    await insertEnrollment(db, world.studentId, world.sections.writing);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('shows each meeting in its day and rows, the total credits, and downloads the .ics', async () => {
    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    await signInStudent(context, karina.baseUrl, world.studentNo);
    await page.goto('/sugang/timetable');
    await poll(() => page.getByText('총 8학점').count()).toBe(1);
    const grid = page.getByRole('group', { name: '주간 시간표' });
    const blocks = grid.locator('.tt-block');
    expect(await blocks.count()).toBe(4);
    // Full text per block: the day and time are read out even though the grid is visual.
    expect(await blocks.first().textContent()).toContain('월 09:00–10:30');
    expect(await grid.getByText('교수 미정').count()).toBe(1);

    // Same column as its day header, and 09:00–10:30 is three rows tall.
    const monday = await grid.locator('.tt-day', { hasText: '월' }).boundingBox();
    const first = await blocks.first().boundingBox();
    const row = await grid.locator('.tt-time').first().boundingBox();
    expect(first && monday && Math.abs(first.x - monday.x)).toBeLessThan(4);
    expect(first && row && Math.round(first.height / row.height)).toBe(3);
    await expectAccessible(page, 'the timetable');
    await saveScreenshot(page, 'timetable');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '캘린더 파일(.ics) 받기' }).click(),
    ]);
    const path = await download.path();
    const ics = await readFile(path, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('자료구조');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '주 메뉴' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '캘린더 파일(.ics) 받기' }).isVisible()).toBe(false);
    expect(await grid.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
