import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  makeDepartment,
  makeProfessor,
  makeStudents,
  makeSubject,
} from '../../server/test/support/fixtures.js';
import {
  describeBrowser,
  expectAccessible,
  launchBrowser,
  openPage,
  saveScreenshot,
} from './support/browser.js';
import type { OpenedPage } from './support/browser.js';
import { FakeClock } from '../../server/src/platform/clock.js';
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

// The fake clock starts at 2026-02-16 10:00 KST; the device is in New York (openPage).
describeBrowser('a registrar schedules a section and a period, then watches the monitor', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  let studentId: number;

  beforeAll(async () => {
    karina = await startKarina({}, new FakeClock(Date.UTC(2026, 1, 16, 1, 0, 0)));
    const db = karina.karina.db;
    const department = await makeDepartment(db, '전자공학과');
    await makeProfessor(db, department.id, '이교수');
    await makeSubject(db, department.id, { code: 'EE2001', name: 'Circuit Theory', credits: 3 });
    [studentId = 0] = await makeStudents(db, department.id, 1, { year: 1 });
    browser = await launchBrowser();
    opened = await openPage(browser, karina.baseUrl);
    page = opened.page;
    // Signed in through the API: the sign-in page is another part's. The fake clock lies in the
    // past, so the cookies the server sets would arrive already expired; they are set here as
    // session cookies instead, with the values the server answered.
    const login = await karina.call('POST', '/student/api/auth/login', {
      body: { username: 'admin', password: karina.config.adminPassword },
    });
    expect(login.statusCode).toBe(200);
    const { token, csrfToken } = login.json<{ token: string; csrfToken: string }>();
    await opened.context.addCookies([
      { name: 'karina_session', value: token, url: karina.baseUrl, httpOnly: true, sameSite: 'Strict' },
      { name: 'karina_csrf', value: csrfToken, url: karina.baseUrl, sameSite: 'Strict' },
    ]);
  });
  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await karina?.close();
  });

  it('creates a section with two meetings and sees it listed', async () => {
    await page.goto('/admin/sections/new');
    await page.getByRole('heading', { name: '분반 추가' }).waitFor();
    await expectAccessible(page, 'the new section form');
    await page.getByLabel('교과목').selectOption({ label: 'EE2001 Circuit Theory (전자공학과)' });
    await page.getByLabel('담당 교수').selectOption({ label: '이교수 (전자공학과)' });
    await page.getByLabel('정원').fill('2');
    await page.getByRole('button', { name: '수업 시간 추가' }).click();
    const second = page.getByRole('group', { name: '수업 시간 2' });
    await second.getByLabel('요일').selectOption('WED');
    await second.getByLabel('시작').selectOption('13:00');
    await second.getByLabel('종료').selectOption('14:30');
    await page.getByRole('button', { name: '분반 만들기' }).click();

    const row = page.getByRole('row', { name: /EE2001 Circuit Theory/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('월 09:00–10:30, 수 13:00–14:30');
    expect(await row.textContent()).toContain('0/2');
    await expectAccessible(page, 'the sections list');

    await row.getByRole('link', { name: /Circuit Theory 1분반 수정/ }).click();
    await page.getByRole('heading', { name: '수강생 명단' }).waitFor();
    await expectAccessible(page, 'the section edit page with its roster');
  });

  it('creates a period typed in Seoul time on a New York device and sees it listed in Seoul time', async () => {
    await page.goto('/admin/periods');
    await page.getByRole('heading', { name: '신청 기간 추가' }).waitFor();
    await expectAccessible(page, 'the periods page');
    await page.getByLabel('이름').fill('2026 Spring registration');
    await page.getByLabel('종류').selectOption('registration');
    await page.getByLabel('시작 (KST)').fill('2026-02-16T09:00');
    await page.getByLabel('마감 (KST)').fill('2026-02-17T18:00');
    await page.getByRole('button', { name: '기간 추가' }).click();

    const row = page.getByRole('row', { name: /2026 Spring registration/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('09:00');
    expect(text).toContain('18:00');
    expect(text).toContain('진행 중');
    const stored = await karina.call('GET', '/admin/api/periods', { token: karina.adminToken });
    expect(stored.json()).toEqual([
      expect.objectContaining({
        name: '2026 Spring registration',
        opensAt: '2026-02-16T00:00:00.000Z',
        closesAt: '2026-02-17T09:00:00.000Z',
      }),
    ]);
  });

  it('the monitor shows a registration made through the API once the next snapshot is due', async () => {
    await page.goto('/admin/monitor');
    const enrolled = page.getByTestId('total-enrolled');
    await enrolled.waitFor();
    expect(await enrolled.textContent()).toBe('0');
    await page.getByText('2026 Spring registration').waitFor();
    await expectAccessible(page, 'the monitor');

    const sections = await karina.call('GET', '/admin/api/sections', { token: karina.adminToken });
    const [section] = sections.json<{ id: number }[]>();
    const token = await karina.tokenFor('student', studentId);
    const registered = await karina.call('POST', '/sugang/api/enrollments', {
      token,
      body: { sectionId: section?.id },
    });
    expect(registered.statusCode).toBe(201);
    // The server computes one shared snapshot per 2 s of its (fake) clock.
    karina.clock.advance(2_500);

    await expect.poll(() => enrolled.textContent(), { timeout: 15_000 }).toBe('1');
    const row = page
      .getByRole('table', { name: /가장 붐비는/ })
      .getByRole('row', { name: /EE2001 Circuit Theory 1분반/ });
    expect(await row.textContent()).toContain('1/2');
    expect(await row.textContent()).toContain('50%');
    // In English: this machine's Chromium may have no Korean font, and the README's picture must be legible.
    await page.getByRole('button', { name: '언어: English' }).click();
    await page.getByRole('heading', { name: 'Live registration monitor' }).waitFor();
    await saveScreenshot(page, 'admin-monitor');
    await page.getByRole('button', { name: /한국어/ }).click();
    await page.getByRole('heading', { name: '실시간 신청 현황' }).waitFor();
  });

  it('the posts, notices and audit pages have no serious accessibility violation', async () => {
    await page.goto('/admin/posts');
    await page.getByLabel('학과', { exact: true }).selectOption({ label: '전자공학과' });
    await page.getByRole('heading', { name: '전자공학과 게시판', exact: true }).waitFor();
    await page.getByLabel('제목', { exact: true }).fill('수강신청 일정 안내');
    await page.getByLabel('내용', { exact: true }).fill('2월 16일 10시에 시작합니다.');
    await page.getByRole('button', { name: '글 올리기' }).click();
    await page.getByRole('row', { name: /수강신청 일정 안내/ }).waitFor();
    await expectAccessible(page, 'the posts page');

    await page.goto('/admin/notices');
    await page.getByLabel('제목', { exact: true }).fill('정정 기간 안내');
    await page.getByLabel('내용', { exact: true }).fill('정정은 2월 20일까지입니다.');
    await page.getByLabel('맨 위에 고정').check();
    await page.getByRole('button', { name: '공지 추가' }).click();
    const pin = page.getByRole('checkbox', { name: '“정정 기간 안내” 맨 위 고정' });
    await pin.waitFor();
    expect(await pin.isChecked()).toBe(true);
    await expectAccessible(page, 'the notices page');

    // Deleting asks first; confirming removes it from the page and from the public guide's list.
    await page.getByRole('button', { name: '“정정 기간 안내” 삭제' }).click();
    const confirm = page.getByRole('dialog', { name: '공지를 삭제할까요?' });
    await confirm.waitFor();
    await expectAccessible(page, 'the notice delete dialog');
    await confirm.getByRole('button', { name: '삭제', exact: true }).click();
    await page.getByRole('row', { name: /정정 기간 안내/ }).waitFor({ state: 'detached' });
    const notices = await karina.call('GET', '/student/api/notices');
    expect(notices.json<{ items: { title: string }[] }>().items.map((n) => n.title)).not.toContain(
      '정정 기간 안내',
    );

    await page.goto('/admin/audit?action=section.create');
    await page
      .getByRole('row', { name: /section\.create/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'the audit log');
    expect(opened.problems).toEqual([]);
  });
});
