import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, openPage } from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

describeBrowser('the app shell in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  beforeAll(async () => {
    karina = await startKarina();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('a deep link under either service loads the app from that service’s own assets, with no console or CSP error', async () => {
    const { page, problems, context } = await openPage(browser, karina.baseUrl);
    const assets: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/assets/')) assets.push(new URL(r.url()).pathname);
    });
    await page.goto('/sugang/guide');
    await expect.poll(() => page.locator('#root').innerHTML()).not.toBe('');
    expect(await page.getByRole('link', { name: /Karina/ }).count()).toBe(1);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((a) => a.startsWith('/sugang/assets/'))).toBe(true);

    await page.goto('/student/boards');
    await expect.poll(() => page.locator('#root').innerHTML()).not.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });
});
