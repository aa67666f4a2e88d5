import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { describeBrowser, expectAccessible, launchBrowser, openPage } from './support/browser.js';
import type { OpenedPage } from './support/browser.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

const TIMEOUT = { timeout: 15_000 };

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor(TIMEOUT);
}

describeBrowser('registrar pages: departments, subjects, students and their CSV import', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    // The session cookie's Expires comes from the server clock: a fake date in the past would
    // make the browser drop it at once.
    karina = await startKarina({}, new FakeClock(Date.now()));
    browser = await launchBrowser();
    opened = await openPage(browser, karina.baseUrl);
    page = opened.page;
    // The session cookie the sign-in page would get; that page is another part's work.
    const login = await page.request.post('/student/api/auth/login', {
      data: { username: 'admin', password: karina.config.adminPassword },
    });
    expect(login.status()).toBe(200);
  });
  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await karina?.close();
  });

  it('the dashboard counts what exists and links to every registrar page', async () => {
    await page.goto('/admin');
    await heading(page, '학사 관리 대시보드');
    await page.getByText('신청 좌석 / 정원').waitFor(TIMEOUT);
    for (const name of [
      '학과',
      '교수',
      '학생',
      '교과목',
      '분반',
      '신청 기간',
      '감사 로그',
      '학생 CSV 일괄 등록',
    ]) {
      expect(await page.getByRole('main').getByRole('link', { name, exact: true }).count()).toBeGreaterThan(
        0,
      );
    }
    await expectAccessible(page, '/admin');
  });

  it('creates a department with its own code, then previews what deleting it would remove', async () => {
    await page.goto('/admin/departments');
    await heading(page, '학과 관리');
    await page.getByLabel('학과 이름').fill('브라우저학과');
    await page.getByLabel('학과 코드').fill('77');
    await page.getByRole('button', { name: '추가', exact: true }).click();
    await page.getByRole('status').getByText('브라우저학과 학과(코드 77)를 추가했습니다.').waitFor(TIMEOUT);
    await page.getByRole('rowheader', { name: '브라우저학과' }).waitFor(TIMEOUT);
    await expectAccessible(page, '/admin/departments');

    await page.getByRole('button', { name: '삭제: 브라우저학과' }).click();
    const dialog = page.getByRole('dialog', { name: '브라우저학과 삭제' });
    await dialog.getByText('삭제하면 다음이 함께 지워집니다.').waitFor(TIMEOUT);
    expect(await dialog.getByRole('button', { name: '이 학과와 위의 항목을 모두 삭제' }).isEnabled()).toBe(
      true,
    );
    await expectAccessible(page, 'the department delete dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
  });

  it('creates a subject in that department', async () => {
    await page.goto('/admin/subjects');
    await heading(page, '교과목 관리');
    const form = page.getByRole('form', { name: '교과목 추가' });
    await form.getByLabel('학과', { exact: true }).selectOption({ label: '브라우저학과 (77)' });
    await form.getByLabel('교과목명').fill('웹 접근성');
    await form.getByLabel('학점').fill('3');
    await form.getByLabel('이수 구분').selectOption({ label: '전공선택' });
    await form.getByLabel('대상 학년').selectOption({ label: '2학년' });
    await form.getByLabel('설명').fill('키보드만으로 쓰는 화면을 만듭니다.');
    await form.getByRole('button', { name: '추가', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/웹 접근성\(C77\d{4}\)을\(를\) 추가했습니다/)
      .waitFor(TIMEOUT);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '웹 접근성' }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['브라우저학과', '3', '전공선택', '2학년']),
    );
    await expectAccessible(page, '/admin/subjects');
  });

  it('downloads the template and imports students from CSV, with each row’s result', async () => {
    await page.goto('/admin/students');
    await heading(page, '학생 관리');
    await page.getByRole('link', { name: 'CSV로 일괄 등록' }).click();
    await heading(page, '학생 CSV 일괄 등록');
    await expectAccessible(page, '/admin/students/import');

    const [download] = await Promise.all([
      page.waitForEvent('download', TIMEOUT),
      page.getByRole('button', { name: '양식 내려받기 (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('students-template.csv');
    const template = await readFile(await download.path());
    expect([...template.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(template.subarray(3).toString('utf8')).toBe(
      'name,departmentCode,entryYear,year,tel,email,birthDate\r\n',
    );

    const file = page.getByLabel('CSV 파일');
    await file.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,departmentCode,entryYear,year\n김가나,77,2026,1\n이다라,99,2026,7\n', 'utf8'),
    });
    await page.getByRole('button', { name: '등록', exact: true }).click();
    const table = page.getByRole('table', { name: '행별 결과' });
    await table.waitFor(TIMEOUT);
    const result = page.getByRole('region', { name: '처리 결과' });
    await result
      .getByText('1개 행에 문제가 있어 아무도 등록하지 않았습니다.', { exact: false })
      .waitFor(TIMEOUT);
    const refused = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3' }) });
    expect(await refused.textContent()).toContain('unknown department code 99');
    expect(await refused.textContent()).toContain('year: 1~4');
    await expectAccessible(page, 'the refused import');

    await file.setInputFiles({
      name: 'students.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFname,departmentCode,entryYear,year,email\n김가나,77,2026,1,ga@example.com\n이다라,77,2026,2,\n',
        'utf8',
      ),
    });
    await page.getByRole('button', { name: '등록', exact: true }).click();
    await result.getByText('2명을 등록했습니다.', { exact: false }).waitFor(TIMEOUT);
    const rows = await page.getByRole('table', { name: '행별 결과' }).getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([
      expect.stringMatching(/^2등록됨2677001[A-Za-z0-9]{16}$/),
      expect.stringMatching(/^3등록됨2677002[A-Za-z0-9]{16}$/),
    ]);
    await expectAccessible(page, 'the import result');
  });

  it('finds the imported students, and the department now refuses to be deleted', async () => {
    await page.goto('/admin/students');
    await heading(page, '학생 관리');
    await page.getByLabel('이름 또는 학번').fill('26770');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByRole('table', { name: '검색 결과 2명' }).waitFor(TIMEOUT);
    await expectAccessible(page, '/admin/students');

    await page.goto('/admin/professors');
    await heading(page, '교수 관리');
    await expectAccessible(page, '/admin/professors');

    await page.goto('/admin/departments');
    await page.getByRole('button', { name: '삭제: 브라우저학과' }).click();
    const dialog = page.getByRole('dialog', { name: '브라우저학과 삭제' });
    await dialog.getByText('소속 학생이 2명 있어 삭제할 수 없습니다.', { exact: false }).waitFor(TIMEOUT);
    expect(await dialog.getByRole('button', { name: '이 학과와 위의 항목을 모두 삭제' }).isDisabled()).toBe(
      true,
    );
    await expectAccessible(page, 'the refused department delete');
    // The browser logs the refused import's 400 itself; nothing else went wrong.
    expect(opened.problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  });
});
