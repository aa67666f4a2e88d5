import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';

export const chromiumPath = inject('chromiumPath');

/** `describe`, or a skipped one when chromium is absent (the global setup already said so loudly). */
export const describeBrowser = chromiumPath ? describe : describe.skip;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests (a CSP refusal shows up here), for a test to assert on. */
  problems: string[];
}

/**
 * A fresh browser context (its own cookies and storage) on the Karina under test. The device is
 * set to New York time on purpose: every time the app shows must still be Seoul time.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 1200, height: 800 },
    locale: 'ko-KR',
    timezoneId: options.timezoneId ?? 'America/New_York',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core run in the page (evaluated over the DevTools protocol, so the app's CSP stays on):
 * the serious and critical violations, each with the elements it names.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

/** Asserts the page as it is now has no serious or critical accessibility violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${what}`).toEqual([]);
}

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

/** A small screenshot of a key page for the README (docs/screenshots/<name>.png). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage: false });
}

/**
 * Waits until the page shows no busy indicator (`<Loading>`: `p.loading[role=status]`). A page can
 * show several at once (one per panel), so this waits for none rather than for one to go. Polled
 * from here with locator counts: a string predicate in `waitForFunction` is evaluated with eval in
 * the page, which the app's CSP (rightly) refuses.
 */
export async function waitUntilLoaded(page: Page, timeout = 15_000): Promise<void> {
  const busy = page.locator('p.loading[role="status"]');
  const until = Date.now() + timeout;
  while ((await busy.count()) > 0) {
    if (Date.now() > until) throw new Error(`still loading after ${timeout} ms: ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
