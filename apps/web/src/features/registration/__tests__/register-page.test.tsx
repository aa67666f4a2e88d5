import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Component as RegisterPage } from '../routes/register';

const API = 'http://localhost:3000';
const NOW = Date.UTC(2027, 1, 10, 1, 0, 0);

const meeting = (day: 'MON' | 'TUE' | 'WED', start: string, end: string) => ({ day, start, end });
const subject = { id: 1, code: 'CS101', name: '자료구조', credits: 3, type: 'major_required' as const };

function catalogSection(
  id: number,
  number: number,
  available: number,
  meetings: ReturnType<typeof meeting>[],
) {
  return {
    id,
    number,
    subject: { ...subject, targetYear: 1, department: { id: 1, code: '07', name: '컴퓨터공학과' } },
    professor: { id: 1, name: '김교수' },
    capacity: 30,
    enrolled: 30 - available,
    waitlisted: 0,
    available,
    meetings,
  };
}

const held = {
  sectionId: 50,
  sectionNumber: 1,
  subject: { id: 9, code: 'MA201', name: '선형대수', type: 'major_elective' },
  credits: 3,
  professor: null,
  meetings: [meeting('TUE', '09:00', '12:00')],
  enrolledAt: new Date(NOW).toISOString(),
};

interface Setup {
  opensAt?: number;
  register?: Parameters<typeof http.post>[1];
  sections?: ReturnType<typeof catalogSection>[];
  enrollments?: (typeof held)[];
}

/** The page's reads, answered; `requests` records every call the page makes, in order. */
function setup({ opensAt = NOW - 60_000, register, sections = [], enrollments = [held] }: Setup = {}) {
  const requests: { method: string; path: string; headers: Headers; body?: unknown }[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push({ method: request.method, path: new URL(request.url).pathname, headers: request.headers });
  });
  server.use(
    http.get(`${API}/student/api/session`, () =>
      HttpResponse.json({
        user: {
          id: 3,
          role: 'student',
          username: '2607001',
          name: '학생',
          mustChangePassword: false,
          year: 1,
        },
      }),
    ),
    http.get(`${API}/student/api/periods`, () =>
      HttpResponse.json([
        {
          id: 1,
          name: '1학기 수강신청',
          kind: 'registration',
          opensAt: new Date(opensAt).toISOString(),
          closesAt: new Date(opensAt + 86_400_000).toISOString(),
          years: [1, 2, 3, 4],
          maxCredits: 18,
          open: opensAt <= NOW,
        },
      ]),
    ),
    http.get(`${API}/sugang/api/time`, () =>
      HttpResponse.json({ now: new Date(NOW).toISOString(), epochMs: NOW }),
    ),
    http.get(`${API}/sugang/api/cart`, () =>
      HttpResponse.json({
        items: [
          {
            sectionId: 11,
            sectionNumber: 1,
            subject: { id: 1, code: 'CS101', name: '자료구조', type: 'major_required' },
            credits: 3,
            professor: { id: 1, name: '김교수' },
            capacity: 30,
            enrolled: 30,
            meetings: [meeting('MON', '09:00', '10:30')],
            addedAt: new Date(NOW).toISOString(),
            warnings: [],
          },
        ],
        totalCredits: 3,
      }),
    ),
    http.get(`${API}/sugang/api/enrollments`, () =>
      HttpResponse.json({ items: enrollments, totalCredits: enrollments.length * 3 }),
    ),
    http.get(`${API}/sugang/api/waitlist`, () => HttpResponse.json({ items: [] })),
    http.get(`${API}/sugang/api/sections`, () =>
      HttpResponse.json({ items: sections, total: sections.length, page: 1, pageSize: 50 }),
    ),
  );
  if (register) server.use(http.post(`${API}/sugang/api/enrollments`, register));
  return { requests };
}

const registered = () =>
  HttpResponse.json(
    {
      enrollment: { ...held, sectionId: 11, subject: { id: 1, code: 'CS101', name: '자료구조', type: 'x' } },
      totalCredits: 6,
    },
    { status: 201 },
  );

const errorBody = (status: number, code: string, details: Record<string, unknown> = {}) =>
  HttpResponse.json({ error: { code, message: 'x', details } }, { status });

/** A line of the on-page results log (the live regions say the same words, elsewhere). */
async function logLine(text: string | RegExp) {
  const log = await screen.findByRole('list', { name: '처리 결과' });
  return within(log).findByText(text);
}

const politeText = () => screen.getByTestId('announce-polite').textContent;
const assertiveText = () => screen.getByTestId('announce-assertive').textContent;

async function pageReady() {
  renderWithApp(<RegisterPage />, { path: '/sugang' });
  await screen.findByRole('button', { name: '자료구조 1분반 신청' });
  await screen.findByText(/서버 시각과 .*차이, 왕복 \d+ms/);
}

describe('수강신청 page', () => {
  afterEach(() => {
    server.events.removeAllListeners();
    vi.restoreAllMocks();
  });

  it('a double click sends one register call with one Idempotency-Key, and nothing else until it answers', async () => {
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    const { requests } = setup({
      register: async () => {
        await answered;
        return registered();
      },
    });
    await pageReady();
    const before = requests.length;

    await userEvent.dblClick(screen.getByRole('button', { name: '자료구조 1분반 신청' }));
    await waitFor(() => expect(requests.length).toBeGreaterThan(before));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '자료구조 1분반 신청' }).disabled).toBe(
      true,
    );
    const atClick = requests.slice(before);
    expect(atClick.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sugang/api/enrollments']);
    expect(atClick[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);

    release();
    await logLine('자료구조 1분반 신청 완료 (합계 6학점)');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(politeText()).toContain('자료구조 1분반 신청 완료');
    // The lists are refreshed only after the answer.
    await waitFor(() =>
      expect(
        requests.slice(before + 1).some((r) => r.path === '/sugang/api/enrollments' && r.method === 'GET'),
      ).toBe(true),
    );
  });

  it('two separate clicks are two actions with two different keys', async () => {
    const { requests } = setup({ register: () => errorBody(409, 'SECTION_FULL') });
    await pageReady();
    const button = screen.getByRole<HTMLButtonElement>('button', { name: '자료구조 1분반 신청' });
    await userEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(false));
    await userEvent.click(button);
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    const keys = requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(2);
  });

  it('on SECTION_FULL it offers only the same subject’s sections with seats that fit the timetable, and the wait-list', async () => {
    const { requests } = setup({
      register: () => errorBody(409, 'SECTION_FULL'),
      sections: [
        catalogSection(11, 1, 0, [meeting('MON', '09:00', '10:30')]),
        catalogSection(12, 2, 5, [meeting('TUE', '10:00', '11:00')]), // inside the held TUE 09–12
        catalogSection(13, 3, 0, [meeting('WED', '09:00', '10:30')]), // full too
        catalogSection(14, 4, 2, [meeting('WED', '13:00', '14:30')]),
        {
          ...catalogSection(15, 1, 9, []),
          subject: { ...catalogSection(15, 1, 9, []).subject, code: 'CS1010' },
        },
      ],
    });
    server.use(
      http.post(`${API}/sugang/api/waitlist`, () =>
        HttpResponse.json({ sectionId: 11, position: 4 }, { status: 201 }),
      ),
    );
    await pageReady();
    await userEvent.click(screen.getByRole('button', { name: '자료구조 1분반 신청' }));

    const panel = await screen.findByRole('region', { name: '자료구조 1분반은(는) 정원이 찼습니다' });
    await within(panel).findByRole('button', { name: '자료구조 4분반 신청' });
    expect(within(panel).getAllByRole('button', { name: /신청$/ })).toHaveLength(1);
    expect(assertiveText()).toContain('정원이 마감되었습니다');

    await userEvent.click(within(panel).getByRole('button', { name: '자료구조 1분반 대기자 등록' }));
    await logLine('자료구조 1분반 대기자 등록 완료: 4번');
    const join = requests.find((r) => r.method === 'POST' && r.path === '/sugang/api/waitlist');
    expect(join?.headers.get('idempotency-key')).toBeTruthy();
  });

  it('TIME_CONFLICT names the conflicting section, on screen and to screen readers', async () => {
    setup({
      register: () =>
        errorBody(409, 'TIME_CONFLICT', {
          sectionId: 50,
          subjectCode: 'MA201',
          subjectName: '선형대수',
          sectionNumber: 1,
        }),
    });
    await pageReady();
    await userEvent.click(screen.getByRole('button', { name: '자료구조 1분반 신청' }));
    await logLine(/자료구조 1분반 신청 실패: 선형대수 1분반과\(와\) 수업 시간이 겹칩니다/);
    expect(assertiveText()).toContain('선형대수 1분반과(와) 수업 시간이 겹칩니다');
  });

  it('in English the same failure reads in English, naming the section', async () => {
    setup({
      register: () =>
        errorBody(409, 'TIME_CONFLICT', {
          sectionId: 50,
          subjectCode: 'MA201',
          subjectName: '선형대수',
          sectionNumber: 1,
        }),
    });
    renderWithApp(<RegisterPage />, { path: '/sugang', locale: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Register for 자료구조 section 1' }));
    const log = await screen.findByRole('list', { name: 'Results' });
    await within(log).findByText(
      'Could not register for 자료구조 section 1: This overlaps 선형대수 section 1. Choose one of the two.',
    );
  });

  it('ADMISSION_REQUIRED enters the queue, shows the place, ETA and a progress bar, and once admitted registers by itself with X-Admission-Token', async () => {
    const { requests } = setup({
      register: ({ request }) =>
        request.headers.get('x-admission-token') === 'tok-1'
          ? registered()
          : errorBody(403, 'ADMISSION_REQUIRED'),
    });
    let polls = 0;
    let admit: () => void = () => undefined;
    const admitted = new Promise<void>((resolve) => {
      admit = resolve;
    });
    server.use(
      http.post(`${API}/sugang/api/queue`, () =>
        HttpResponse.json({ ticket: 'tk', position: 7, etaSeconds: 12, admitted: false, nextPollMs: 1 }),
      ),
      http.get(`${API}/sugang/api/queue/tk`, async () => {
        polls++;
        if (polls < 2) {
          return HttpResponse.json({
            ticket: 'tk',
            position: 3,
            etaSeconds: 5,
            admitted: false,
            nextPollMs: 1,
          });
        }
        await admitted;
        return HttpResponse.json({
          ticket: 'tk',
          position: 0,
          etaSeconds: 0,
          admitted: true,
          admissionToken: 'tok-1',
          nextPollMs: 0,
        });
      }),
    );
    await pageReady();
    await userEvent.click(screen.getByRole('button', { name: '자료구조 1분반 신청' }));
    await screen.findByRole('heading', { name: '대기열' });
    await screen.findByText(/대기 순번 3번, 예상 대기 5초/);
    const bar = screen.getByRole('progressbar', { name: '대기열 진행률' });
    expect(bar.getAttribute('aria-valuetext')).toBe('앞에 2명 남음');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['5', '7']);
    // The refusal is no failure to the student: the log says the request waits its turn.
    await logLine('자료구조 1분반: 대기열에 들어갔습니다. 차례가 되면 이 요청을 자동으로 보냅니다.');
    expect(screen.queryByText(/신청 실패/)).toBeNull();

    admit();
    await logLine('자료구조 1분반 신청 완료 (합계 6학점)');
    expect(polls).toBe(2);
    const posts = requests.filter((r) => r.method === 'POST' && r.path === '/sugang/api/enrollments');
    expect(posts.map((p) => p.headers.get('x-admission-token'))).toEqual([null, 'tok-1']);
  });

  it('before the opening it counts down on the server clock even with the device clock 3 hours behind, and shows the skew', async () => {
    const p0 = performance.now();
    vi.spyOn(Date, 'now').mockImplementation(() => NOW - 3 * 3_600_000 + (performance.now() - p0));
    setup({ opensAt: NOW + 90_000 });
    await pageReady();
    const timer = await screen.findByRole('timer', { name: '신청 시작까지 남은 시간' });
    expect(timer.textContent).toMatch(/^00:01:(2\d|30)$/);
    expect(screen.getByText(/서버 시각과 \+0일 3시간 0분 [01]초 차이, 왕복 \d+ms/)).toBeTruthy();
  });

  it('registers by subject code and 분반 number, sending the found section', async () => {
    const bodies: unknown[] = [];
    setup({
      sections: [
        catalogSection(21, 1, 3, [meeting('WED', '09:00', '10:30')]),
        catalogSection(22, 2, 3, [meeting('WED', '13:00', '14:30')]),
      ],
      register: async ({ request }) => {
        bodies.push(await request.json());
        return registered();
      },
    });
    await pageReady();
    await userEvent.type(screen.getByLabelText(/교과목 코드/), 'cs101');
    await userEvent.type(screen.getByLabelText('분반'), '2');
    await userEvent.click(within(screen.getByRole('form', { name: '과목 코드로 신청' })).getByRole('button'));
    await waitFor(() => expect(bodies).toEqual([{ sectionId: 22 }]));
  });

  it('a drop is sent only after the confirmation', async () => {
    const { requests } = setup();
    server.use(
      http.delete(`${API}/sugang/api/enrollments/50`, () => new HttpResponse(null, { status: 204 })),
    );
    await pageReady();
    await userEvent.click(await screen.findByRole('button', { name: '선형대수 1분반 신청 취소' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: '신청 취소', hidden: true }));
    await logLine('선형대수 1분반 신청 취소 완료');
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/sugang/api/enrollments/50',
    ]);
  });
});
