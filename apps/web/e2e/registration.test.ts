import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { FIXTURE_PASSWORD } from '../../server/test/support/app.js';
import {
  insertCartItem,
  insertEnrollment,
  makeDepartment,
  makePeriod,
  makeProfessor,
  makeSection,
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
import { startKarina } from './support/karina.js';
import type { RunningKarina } from './support/karina.js';

// 10:00:00 in Seoul; the fake server clock starts two minutes before it.
const OPENS = Date.UTC(2027, 1, 10, 1, 0, 0);

interface World {
  studentNos: string[];
}

async function seed(karina: RunningKarina): Promise<World> {
  const db = karina.karina.db;
  const dept = await makeDepartment(db, '컴퓨터공학과');
  const prof = await makeProfessor(db, dept.id, '김교수');
  const algo = await makeSubject(db, dept.id, { code: 'CS101', name: '자료구조', credits: 3 });
  const os = await makeSubject(db, dept.id, { code: 'CS202', name: '운영체제', credits: 3 });
  const la = await makeSubject(db, dept.id, { code: 'MA201', name: '선형대수', credits: 3 });
  const algo1 = await makeSection(db, algo, {
    professorId: prof,
    capacity: 30,
    meetings: [['MON', '09:00', '10:30']],
  });
  const os1 = await makeSection(db, os, {
    professorId: prof,
    capacity: 1,
    meetings: [['THU', '09:00', '10:30']],
  });
  await makeSection(db, os, { professorId: prof, capacity: 10, meetings: [['TUE', '10:00', '11:00']] });
  await makeSection(db, os, { professorId: prof, capacity: 10, meetings: [['WED', '13:00', '14:30']] });
  const la1 = await makeSection(db, la, {
    professorId: prof,
    capacity: 30,
    meetings: [['TUE', '09:00', '12:00']],
  });
  await makePeriod(db, { opensAt: OPENS, closesAt: OPENS + 7 * 86_400_000, years: [1, 2, 3, 4] });
  const [first, other, fullMeeter, keyboard] = await makeStudents(db, dept.id, 4, { year: 1 });
  if (first === undefined || other === undefined || fullMeeter === undefined || keyboard === undefined) {
    throw new Error('students not made');
  }
  await insertCartItem(db, first, algo1);
  // The capacity-1 운영체제 1분반 is taken by another student; the third holds 선형대수 (TUE 09–12),
  // which overlaps 운영체제 2분반 (TUE 10–11): only 3분반 fits.
  await insertEnrollment(db, other, os1);
  await insertEnrollment(db, fullMeeter, la1);
  const rows = await db
    .selectFrom('students')
    .select(['id', 'student_no'])
    .where('id', 'in', [first, fullMeeter, keyboard])
    .execute();
  const no = (id: number) => rows.find((r) => r.id === id)?.student_no ?? '';
  return { studentNos: [no(first), no(fullMeeter), no(keyboard)] };
}

async function signedInPage(browser: Browser, karina: RunningKarina, studentNo: string) {
  const opened = await openPage(browser, karina.baseUrl);
  const login = await opened.page.request.post('/student/api/auth/login', {
    data: { username: studentNo, password: FIXTURE_PASSWORD },
  });
  expect(login.status()).toBe(200);
  await opened.page.goto('/sugang');
  await opened.page.getByRole('heading', { level: 1, name: '수강신청' }).waitFor({ timeout: 15_000 });
  await opened.page.getByText(/서버 시각과 .*차이, 왕복 \d+ms/).waitFor({ timeout: 15_000 });
  return opened;
}

function resultsLog(page: Page) {
  return page.getByRole('list', { name: '처리 결과' });
}

describeBrowser('수강신청 in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  let world: World;
  beforeAll(async () => {
    karina = await startKarina({}, new FakeClock(OPENS - 120_000));
    world = await seed(karina);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('a student sees the countdown, registers from the cart with one click, sees it listed, and drops it', async () => {
    const { page, context, problems } = await signedInPage(browser, karina, world.studentNos[0] ?? '');
    const timer = page.getByRole('timer', { name: '신청 시작까지 남은 시간' });
    await timer.waitFor();
    // The device says New York time; the countdown follows the server's clock, two minutes out.
    expect(await timer.textContent()).toMatch(/^00:0[12]:\d\d$/);
    await expectAccessible(page, 'the registration page before opening');

    // The server's clock jumps to the opening; a fresh measurement (the page's own re-sync) sees it.
    karina.clock.set(OPENS + 1_000);
    await page.getByRole('button', { name: '서버 시각 다시 맞추기' }).click();
    await page.getByText(/지금 신청할 수 있습니다/).waitFor({ timeout: 15_000 });
    expect(await timer.count()).toBe(0);

    await page.getByRole('button', { name: '자료구조 1분반 신청' }).click();
    await resultsLog(page).getByText('자료구조 1분반 신청 완료 (합계 3학점)').waitFor();
    const enrolled = page.getByRole('table', { name: '신청 내역' });
    await enrolled.getByRole('cell', { name: /^자료구조 1분반 CS101/ }).waitFor();
    await expectAccessible(page, 'the registration page after a registration');
    await saveScreenshot(page, 'registration');

    await page.getByRole('button', { name: '자료구조 1분반 신청 취소' }).click();
    const dialog = page.getByRole('dialog', { name: '신청을 취소할까요?' });
    await dialog.waitFor();
    await expectAccessible(page, 'the drop confirmation');
    await dialog.getByRole('button', { name: '신청 취소' }).click();
    await resultsLog(page).getByText('자료구조 1분반 신청 취소 완료').waitFor();
    await page.getByText('아직 신청한 과목이 없습니다.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on SECTION_FULL the student sees the one alternative that fits and joins the wait-list with a position', async () => {
    karina.clock.set(OPENS + 60_000);
    const { page, context } = await signedInPage(browser, karina, world.studentNos[1] ?? '');
    await page.getByLabel('과목명, 과목 코드 또는 교수명').fill('CS202');
    await page.getByRole('button', { name: '운영체제 1분반 신청' }).click();

    const panel = page.getByRole('region', { name: '운영체제 1분반은(는) 정원이 찼습니다' });
    await panel.waitFor();
    await panel.getByRole('button', { name: '운영체제 3분반 신청' }).waitFor();
    expect(await panel.getByRole('button', { name: /분반 신청$/ }).count()).toBe(1);
    await resultsLog(page)
      .getByText(/운영체제 1분반 신청 실패: 정원이 마감되었습니다/)
      .waitFor();
    await expectAccessible(page, 'the SECTION_FULL alternatives');

    await panel.getByRole('button', { name: '운영체제 1분반 대기자 등록' }).click();
    await resultsLog(page).getByText('운영체제 1분반 대기자 등록 완료: 1번').waitFor();
    const waitlist = page.getByRole('table', { name: '대기 목록' });
    await waitlist.getByRole('cell', { name: '1번', exact: true }).waitFor();
    await context.close();
  });

  it('the whole registration works with the keyboard alone', async () => {
    karina.clock.set(OPENS + 120_000);
    const { page, context } = await signedInPage(browser, karina, world.studentNos[2] ?? '');

    const tabTo = async (matches: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await matches()) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    // Evaluated as page source: this test's TypeScript has no DOM types.
    const focusedLabel = () =>
      page.evaluate<string>(`(() => {
        const el = document.activeElement;
        if (!el) return '';
        const id = el.getAttribute('id');
        const label = id ? document.querySelector('label[for="' + id + '"]')?.textContent : null;
        return label ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
      })()`);

    await tabTo(async () => (await focusedLabel()) === '교과목 코드', 'the subject code field');
    await page.keyboard.type('CS101');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('분반');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await resultsLog(page).getByText('자료구조 1분반 신청 완료 (합계 3학점)').waitFor();

    await tabTo(async () => (await focusedLabel()) === '자료구조 1분반 신청 취소', 'the drop button');
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: '신청을 취소할까요?' });
    await dialog.waitFor();
    expect(await focusedLabel()).toBe('신청 취소');
    await page.keyboard.press('Enter');
    await resultsLog(page).getByText('자료구조 1분반 신청 취소 완료').waitFor();
    await context.close();
  });
});
