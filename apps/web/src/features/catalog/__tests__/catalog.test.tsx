import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Component as Catalog } from '../routes/catalog';

const API = 'http://localhost:3000';

beforeAll(() => {
  // jsdom has <dialog> without its modal methods; these do to `open` what the browser does.
  if ('showModal' in HTMLDialogElement.prototype) return;
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
});

function section(
  id: number,
  name: string,
  meetings: { day: string; start: string; end: string }[],
  credits = 3,
) {
  return {
    id,
    number: 1,
    subject: {
      id: id * 10,
      code: `CS${id}`,
      name,
      credits,
      type: 'major_elective',
      targetYear: null,
      department: { id: 1, code: '07', name: '컴퓨터공학과' },
    },
    professor: null,
    capacity: 30,
    enrolled: 12,
    waitlisted: 0,
    available: 18,
    meetings,
  };
}

const student = {
  id: 5,
  role: 'student',
  username: '2607001',
  name: '김학생',
  mustChangePassword: false,
  year: 1,
};

function catalogServer(options: { user?: typeof student | null; items?: ReturnType<typeof section>[] } = {}) {
  const searches: URLSearchParams[] = [];
  server.use(
    http.get(`${API}/student/api/session`, () => HttpResponse.json({ user: options.user ?? null })),
    http.get(`${API}/student/api/departments`, () =>
      HttpResponse.json([
        { id: 1, code: '07', name: '컴퓨터공학과' },
        { id: 2, code: '08', name: '수학과' },
      ]),
    ),
    http.get(`${API}/sugang/api/sections`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      searches.push(params);
      const items = options.items ?? [section(1, '운영체제', [{ day: 'MON', start: '10:00', end: '11:00' }])];
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 20 });
    }),
  );
  return searches;
}

describe('수강편람 filters', () => {
  it('a shared link fills the form and the search; submitting new filters puts them in the address and the request', async () => {
    const searches = catalogServer();
    const user = userEvent.setup();
    const { location } = renderWithApp(<Catalog />, {
      path: '/sugang/catalog?q=%EC%9A%B4%EC%98%81&department=2',
    });

    await screen.findByRole('link', { name: '운영체제' });
    expect(searches[0]?.get('q')).toBe('운영');
    expect(searches[0]?.get('department')).toBe('2');
    expect(screen.getByLabelText('과목명 또는 과목 코드')).toHaveProperty('value', '운영');
    await waitFor(() => expect(screen.getByLabelText('학과')).toHaveProperty('value', '2'));

    await user.selectOptions(screen.getByLabelText('요일'), 'MON');
    await user.selectOptions(screen.getByLabelText('시작 시각 (이후)'), '09:00');
    await user.selectOptions(screen.getByLabelText('종료 시각 (이전)'), '12:00');
    await user.type(screen.getByLabelText('교수'), '박');
    await user.click(screen.getByRole('button', { name: '검색' }));

    await waitFor(() => expect(searches.at(-1)?.get('day')).toBe('MON'));
    const last = searches.at(-1);
    expect(Object.fromEntries(last ?? [])).toMatchObject({
      q: '운영',
      department: '2',
      day: 'MON',
      from: '09:00',
      until: '12:00',
      professor: '박',
      page: '1',
    });
    expect(location.history?.at(-1)).toBe(
      '/sugang/catalog?q=%EC%9A%B4%EC%98%81&department=2&day=MON&from=09%3A00&until=12%3A00&professor=%EB%B0%95',
    );
  });

  it('an end time not after the start time is refused at the field, and nothing is searched', async () => {
    const searches = catalogServer();
    const user = userEvent.setup();
    renderWithApp(<Catalog />, { path: '/sugang/catalog' });
    await screen.findByRole('link', { name: '운영체제' });
    const before = searches.length;

    await user.selectOptions(screen.getByLabelText('시작 시각 (이후)'), '12:00');
    await user.selectOptions(screen.getByLabelText('종료 시각 (이전)'), '12:00');
    await user.click(screen.getByRole('button', { name: '검색' }));

    const until = screen.getByLabelText('종료 시각 (이전)');
    const describedBy = until.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      '종료 시각은 시작 시각보다 늦어야 합니다.',
    );
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(searches.length).toBe(before);
  });

  it('a column header sorts on the server, a second click flips the order', async () => {
    const searches = catalogServer();
    const user = userEvent.setup();
    const { location } = renderWithApp(<Catalog />, { path: '/sugang/catalog?page=3' });
    await screen.findByRole('link', { name: '운영체제' });

    await user.click(screen.getByRole('button', { name: '학점 기준 정렬' }));
    await waitFor(() => expect(searches.at(-1)?.get('sort')).toBe('credits'));
    expect(searches.at(-1)?.get('order')).toBe('asc');
    expect(searches.at(-1)?.get('page')).toBe('1');
    const header = screen.getByRole('button', { name: '학점 기준 정렬' }).closest('th');
    expect(header?.getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: '학점 기준 정렬' }));
    await waitFor(() => expect(searches.at(-1)?.get('order')).toBe('desc'));
    expect(location.history?.at(-1)).toBe('/sugang/catalog?sort=credits&order=desc');
  });

  it('shows live seats per row, and no cart action to someone signed out', async () => {
    catalogServer();
    renderWithApp(<Catalog />, { path: '/sugang/catalog' });

    const row = (await screen.findByRole('link', { name: '운영체제' })).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('12 / 30')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('여석 18')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /장바구니에 담기/ })).toBeNull();
  });
});

describe('adding to the cart from the catalog', () => {
  function studentServer(options: { maxCredits?: number; holdAdds?: Promise<void> } = {}) {
    catalogServer({
      user: student,
      items: [
        section(1, '운영체제', [{ day: 'MON', start: '10:00', end: '11:00' }], 3),
        section(2, '선형대수', [{ day: 'TUE', start: '13:00', end: '14:30' }], 2),
      ],
    });
    const added: unknown[] = [];
    const keys: (string | null)[] = [];
    server.use(
      http.get(`${API}/sugang/api/enrollments`, () =>
        HttpResponse.json({
          items: [
            {
              sectionId: 7,
              sectionNumber: 2,
              subject: { id: 70, code: 'CS7', name: '자료구조', type: 'major_required' },
              credits: 15,
              professor: null,
              meetings: [{ day: 'MON', start: '09:00', end: '10:30' }],
              enrolledAt: '2027-02-10T01:00:00.000Z',
            },
          ],
          totalCredits: 15,
        }),
      ),
      http.get(`${API}/sugang/api/cart`, () => HttpResponse.json({ items: [], totalCredits: 0 })),
      http.get(`${API}/student/api/periods`, () =>
        HttpResponse.json([
          {
            id: 1,
            name: '수강신청',
            kind: 'registration',
            opensAt: '2027-02-10T01:00:00.000Z',
            closesAt: '2027-02-12T09:00:00.000Z',
            years: [1],
            maxCredits: options.maxCredits ?? 17,
            open: true,
          },
        ]),
      ),
      http.post(`${API}/sugang/api/cart`, async ({ request }) => {
        added.push(await request.json());
        keys.push(request.headers.get('idempotency-key'));
        await options.holdAdds;
        return HttpResponse.json({}, { status: 201 });
      }),
    );
    return { added, keys };
  }

  it('shows the overlap and the credit total before adding; nothing is sent until the student confirms', async () => {
    const { added, keys } = studentServer();
    const user = userEvent.setup();
    renderWithApp(<Catalog />, { path: '/sugang/catalog' });

    await user.click(await screen.findByRole('button', { name: '운영체제 1분반 장바구니에 담기' }));
    const dialog = await screen.findByRole('dialog', { name: '담기 전에 확인하세요' });
    expect(within(dialog).getByText('겹침: 자료구조 2분반')).toBeTruthy();
    expect(within(dialog).getByText('학점 초과: 18/17')).toBeTruthy();
    expect(added).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: '그래도 담기' }));
    await screen.findByText('운영체제 1분반을 장바구니에 담았습니다.', { selector: '.alert *' });
    expect(added).toEqual([{ sectionId: 1 }]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByTestId('announce-polite').textContent).toBe('운영체제 1분반을 장바구니에 담았습니다.');
  });

  it('cancelling the warning adds nothing', async () => {
    const { added } = studentServer();
    const user = userEvent.setup();
    renderWithApp(<Catalog />, { path: '/sugang/catalog' });

    await user.click(await screen.findByRole('button', { name: '운영체제 1분반 장바구니에 담기' }));
    const dialog = await screen.findByRole('dialog', { name: '담기 전에 확인하세요' });
    await user.click(within(dialog).getByRole('button', { name: '취소' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(added).toEqual([]);
  });

  it('without a warning the section goes straight in, and a double click adds it once', async () => {
    // The add is answered only after both clicks, so the second one lands while the first is in flight.
    let answer = () => {};
    const holdAdds = new Promise<void>((resolve) => (answer = resolve));
    const { added } = studentServer({ maxCredits: 30, holdAdds });
    const user = userEvent.setup();
    renderWithApp(<Catalog />, { path: '/sugang/catalog' });

    await user.dblClick(await screen.findByRole('button', { name: '선형대수 1분반 장바구니에 담기' }));
    await waitFor(() => expect(added).toHaveLength(1));
    answer();
    await screen.findByText('선형대수 1분반을 장바구니에 담았습니다.', { selector: '.alert *' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(added).toEqual([{ sectionId: 2 }]);
  });
});
