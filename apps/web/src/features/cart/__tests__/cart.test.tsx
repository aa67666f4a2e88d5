import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Component as Cart } from '../routes/cart';

const API = 'http://localhost:3000';

function item(sectionId: number, name: string, credits: number, warnings: unknown[] = []) {
  return {
    sectionId,
    sectionNumber: 1,
    subject: { id: sectionId * 10, code: `CS${sectionId}`, name, type: 'major_elective' },
    credits,
    professor: sectionId === 1 ? { id: 1, name: '박교수' } : null,
    capacity: 30,
    enrolled: 30,
    meetings: [{ day: 'MON', start: '09:00', end: '10:30' }],
    addedAt: '2027-02-01T00:00:00.000Z',
    warnings,
  };
}

function cartServer(items = [item(1, '자료구조', 3), item(2, '운영체제', 3), item(3, '미적분', 2)]) {
  let current = items;
  const checkouts: (string | null)[] = [];
  const removed: number[] = [];
  // The answer waits until the test opens the gate, as a real server is slower than two clicks.
  let openGate: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  server.use(
    http.get(`${API}/sugang/api/cart`, () =>
      HttpResponse.json({ items: current, totalCredits: current.reduce((s, i) => s + i.credits, 0) }),
    ),
    http.delete(`${API}/sugang/api/cart/:sectionId`, ({ params }) => {
      removed.push(Number(params.sectionId));
      current = current.filter((i) => i.sectionId !== Number(params.sectionId));
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${API}/sugang/api/cart/checkout`, async ({ request }) => {
      checkouts.push(request.headers.get('idempotency-key'));
      await gate;
      return HttpResponse.json({
        results: [
          { sectionId: 1, ok: true },
          { sectionId: 2, ok: false, error: { code: 'SECTION_FULL', message: 'Section is full' } },
          { sectionId: 3, ok: false, error: { code: 'CREDIT_LIMIT', message: 'Credit limit' } },
        ],
        enrolled: 1,
        failed: 2,
      });
    }),
  );
  return { checkouts, removed, openGate };
}

describe('장바구니', () => {
  it('lists the items with their credits total, meetings and the server’s warnings', async () => {
    cartServer([
      item(1, '자료구조', 3),
      item(2, '운영체제', 3, [{ code: 'TIME_CONFLICT', message: 'x', sectionId: 1 }]),
    ]);
    renderWithApp(<Cart />, { path: '/sugang/cart' });
    expect(await screen.findByText('담은 과목 합계 6학점')).toBeTruthy();
    const row = screen.getByRole('link', { name: '운영체제' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('월 09:00–10:30')).toBeTruthy();
    expect(
      within(row).getByText('자료구조 1분반과(와) 수업 시간이 겹칩니다. 둘 중 하나를 고르세요.'),
    ).toBeTruthy();
  });

  it('register all shows one result per item, each failure as its own sentence, and announces them', async () => {
    const { checkouts, openGate } = cartServer();
    const user = userEvent.setup();
    renderWithApp(<Cart />, { path: '/sugang/cart' });

    // A double click is one press: one request, one Idempotency-Key.
    await user.dblClick(await screen.findByRole('button', { name: '전체 신청' }));
    openGate();
    const results = await screen.findByRole('region', { name: '신청 결과' });
    const lines = within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      '자료구조 1분반: 신청 완료',
      '운영체제 1분반: 정원이 마감되었습니다. 같은 과목의 다른 분반을 신청하거나 대기자로 등록하세요.',
      '미적분 1분반: 최대 신청 학점을 넘습니다. 다른 과목을 취소하거나 학점이 적은 과목을 고르세요.',
    ]);
    expect(within(results).getByText('1건 신청 완료, 2건 실패')).toBeTruthy();
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(screen.getByTestId('announce-assertive').textContent).toContain('1건 신청 완료, 2건 실패'),
    );
    expect(screen.getByTestId('announce-assertive').textContent).toContain(
      '운영체제 1분반: 정원이 마감되었습니다.',
    );
  });

  it('removes one item (only that one) and says so', async () => {
    const { removed } = cartServer();
    const user = userEvent.setup();
    renderWithApp(<Cart />, { path: '/sugang/cart' });

    await user.click(await screen.findByRole('button', { name: '운영체제 1분반 장바구니에서 삭제' }));
    await screen.findByText('운영체제 1분반을 장바구니에서 뺐습니다.', { selector: '.alert *' });
    expect(removed).toEqual([2]);
    await waitFor(() => expect(screen.queryByRole('link', { name: '운영체제' })).toBeNull());
    expect(screen.getByRole('link', { name: '자료구조' })).toBeTruthy();
    expect(screen.getByText('담은 과목 합계 5학점')).toBeTruthy();
  });

  it('an empty cart points to the catalog', async () => {
    cartServer([]);
    renderWithApp(<Cart />, { path: '/sugang/cart' });
    expect(await screen.findByRole('link', { name: '수강편람 보기' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '전체 신청' })).toBeNull();
  });
});
