import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeClock } from '../../server/src/platform/clock.js';
import { FIXTURE_PASSWORD } from '../../server/test/support/app.js';
import {
  insertCartItem,
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

const OPENS = Date.UTC(2027, 1, 10, 1, 0, 0);

describeBrowser('the waiting room in a real browser', () => {
  let karina: RunningKarina;
  let browser: Browser;
  beforeAll(async () => {
    // Half an admission a second, on a clock this test moves: nobody is let in until it says so.
    karina = await startKarina({ queue: 'on', queueRate: 0.5 }, new FakeClock(OPENS + 1_000));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await karina?.close();
  });

  it('a student turned away by ADMISSION_REQUIRED sees a place, an ETA and a progress bar, is admitted, and the registration goes through with the token', async () => {
    const db = karina.karina.db;
    const dept = await makeDepartment(db, '컴퓨터공학과');
    const prof = await makeProfessor(db, dept.id, '김교수');
    const subject = await makeSubject(db, dept.id, { code: 'CS101', name: '자료구조', credits: 3 });
    const section = await makeSection(db, subject, {
      professorId: prof,
      capacity: 30,
      meetings: [['MON', '09:00', '10:30']],
    });
    await makePeriod(db, { opensAt: OPENS, closesAt: OPENS + 86_400_000 });
    const [ahead = 0, me = 0] = await makeStudents(db, dept.id, 2, { year: 1 });
    await insertCartItem(db, me, section);
    const first = await karina.call('POST', '/sugang/api/queue', {
      token: await karina.tokenFor('student', ahead),
    });
    expect(first.json()).toMatchObject({ admitted: false, position: 1 });
    const student = await db
      .selectFrom('students')
      .select('student_no')
      .where('id', '=', me)
      .executeTakeFirstOrThrow();

    const { page, context, problems } = await openPage(browser, karina.baseUrl);
    const login = await page.request.post('/student/api/auth/login', {
      data: { username: student.student_no, password: FIXTURE_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto('/sugang');
    await page.getByText(/지금 신청할 수 있습니다/).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: '자료구조 1분반 신청' }).click();
    await page.getByRole('heading', { name: '대기열' }).waitFor();
    await page.getByText(/대기 순번 2번, 예상 대기 \d+초/).waitFor({ timeout: 15_000 });
    const bar = page.getByRole('progressbar', { name: '대기열 진행률' });
    expect(await bar.getAttribute('aria-valuetext')).toBe('앞에 1명 남음');
    await expectAccessible(page, 'the waiting room');
    await saveScreenshot(page, 'waiting-room');

    // Two seconds at half an admission a second: the student ahead goes in, ours moves to the front.
    karina.clock.advance(2_000);
    await page.getByText(/대기 순번 1번/).waitFor({ timeout: 15_000 });
    karina.clock.advance(2_000);
    await page
      .getByRole('list', { name: '처리 결과' })
      .getByText('자료구조 1분반 신청 완료 (합계 3학점)')
      .waitFor({ timeout: 15_000 });

    const rows = await db.selectFrom('enrollments').select(['student_id', 'section_id']).execute();
    expect(rows).toEqual([{ student_id: me, section_id: section }]);
    // Only the first try, refused without a token, is an error the page saw.
    expect(problems.filter((p) => !p.includes('403'))).toEqual([]);
    await context.close();
  });
});
