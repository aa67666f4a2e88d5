import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, openPage } from './support/browser.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const WAIT = { timeout: 20_000 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * What `npm start` runs (`karina serve` with nothing configured but the port and a fresh data
 * folder): migrations, bootstrap admin, the demo university, Secure `__Host-` cookies, the built
 * web app. Resolves with the demo 학번 the server prints.
 */
function startServe(
  port: number,
  dataDir: string,
): Promise<{ child: ChildProcess; studentNo: string; output: () => string }> {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.check.json', 'apps/server/src/main.ts', 'serve'],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), KARINA_DB_URL: `sqlite:${dataDir}/karina.db` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let studentNo = '';
    const timer = setTimeout(() => reject(new Error(`karina serve did not start:\n${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      studentNo ||= /e\.g\. (\d{7}) \//.exec(out)?.[1] ?? '';
      if (studentNo && out.includes('karina: all service on')) {
        clearTimeout(timer);
        resolve({ child, studentNo, output: () => out });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`karina serve exited (${code}):\n${out}`)));
  });
}

describeBrowser('the README quick start (`npm start`) shows a working site', () => {
  let browser: Browser;
  let server: ChildProcess | undefined;
  let dataDir: string;
  let baseUrl: string;
  let studentNo: string;
  let serverOutput: () => string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'karina-quick-start-'));
    const port = await freePort();
    ({ child: server, studentNo, output: serverOutput } = await startServe(port, dataDir));
    baseUrl = `http://localhost:${port}`;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a demo student signs in on http://localhost with the default Secure cookies, reaches 수강신청 and the catalog', async () => {
    const { page, context, problems } = await openPage(browser, baseUrl);
    await page.goto('/');
    await page.getByLabel('학번 또는 관리자 아이디').fill(studentNo, WAIT);
    await page.getByLabel('비밀번호', { exact: true }).fill('karina-demo-2026');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page
      .waitForURL((url) => url.pathname === '/sugang', WAIT)
      .catch(async (error: unknown) => {
        // Say what the student saw and what the server said, not only that the page stayed.
        const alerts = await page.getByRole('alert').allInnerTexts();
        throw new Error(
          `sign-in did not reach /sugang (at ${page.url()}): ${String(error)}\n` +
            `alerts: ${JSON.stringify(alerts)}\nproblems: ${JSON.stringify(problems)}\n` +
            `server output (last 4000 characters):\n${serverOutput().slice(-4000)}`,
        );
      });
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === '__Host-karina_session')).toMatchObject({
      httpOnly: true,
      secure: true,
    });

    await page.goto('/sugang/catalog');
    await expect.poll(() => page.locator('tbody tr').count(), WAIT).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
