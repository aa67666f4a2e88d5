import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../../../testing/server';
import { renderWithApp } from '../../../../testing/render';
import type { AdminPeriod } from '../../api/list-periods';
import { PeriodForm } from '../periods-form';

const API = 'http://localhost:3000';

// The device runs on New York time; every assertion is about instants, so it holds in any zone.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('the registration period form', () => {
  it('sends the typed Seoul wall time as the matching instant whatever the device zone', async () => {
    expect(new Date('2027-02-10T10:00').getTimezoneOffset()).not.toBe(-540);
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/admin/api/periods`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ id: 4 }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<PeriodForm onDone={() => undefined} />, { path: '/admin/periods' });

    await user.type(screen.getByLabelText('이름'), '2027-1 수강신청');
    await user.selectOptions(screen.getByLabelText('종류'), 'add_drop');
    fireEvent.change(screen.getByLabelText('시작 (KST)'), { target: { value: '2027-02-10T10:00' } });
    fireEvent.change(screen.getByLabelText('마감 (KST)'), { target: { value: '2027-02-11T00:30' } });
    await user.click(screen.getByRole('checkbox', { name: '4학년' }));
    await user.clear(screen.getByLabelText('최대 신청 학점'));
    await user.type(screen.getByLabelText('최대 신청 학점'), '21');
    await user.click(screen.getByRole('button', { name: '기간 추가' }));

    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0]).toEqual({
      name: '2027-1 수강신청',
      kind: 'add_drop',
      opensAt: '2027-02-10T01:00:00.000Z',
      closesAt: '2027-02-10T15:30:00.000Z',
      years: [1, 2, 3],
      maxCredits: 21,
    });
  });

  it('shows an existing period’s instants as Seoul wall time in the inputs', () => {
    const period: AdminPeriod = {
      id: 2,
      name: '정정',
      kind: 'add_drop',
      opensAt: '2027-03-01T23:00:00.000Z',
      closesAt: '2027-03-05T09:00:00.000Z',
      years: [2],
      maxCredits: 18,
      open: false,
    };
    renderWithApp(<PeriodForm period={period} onDone={() => undefined} />, { path: '/admin/periods' });
    expect(screen.getByLabelText<HTMLInputElement>('시작 (KST)').value).toBe('2027-03-02T08:00');
    expect(screen.getByLabelText<HTMLInputElement>('마감 (KST)').value).toBe('2027-03-05T18:00');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: '2학년' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: '1학년' }).checked).toBe(false);
  });

  it('refuses a closing time that is not after the opening, and says PERIOD_OVERLAP as a sentence', async () => {
    let posted = 0;
    server.use(
      http.post(`${API}/admin/api/periods`, () => {
        posted += 1;
        return HttpResponse.json({ error: { code: 'PERIOD_OVERLAP', message: 'overlap' } }, { status: 409 });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<PeriodForm onDone={() => undefined} />, { path: '/admin/periods' });
    await user.type(screen.getByLabelText('이름'), '겹치는 기간');
    fireEvent.change(screen.getByLabelText('시작 (KST)'), { target: { value: '2027-02-10T10:00' } });
    fireEvent.change(screen.getByLabelText('마감 (KST)'), { target: { value: '2027-02-10T10:00' } });
    await user.click(screen.getByRole('button', { name: '기간 추가' }));
    expect(screen.getByText('마감이 시작보다 늦어야 합니다.', { selector: '.field-error' })).toBeTruthy();
    expect(posted).toBe(0);

    fireEvent.change(screen.getByLabelText('마감 (KST)'), { target: { value: '2027-02-12T17:00' } });
    await user.click(screen.getByRole('button', { name: '기간 추가' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '같은 종류·학년의 다른 신청 기간과 겹칩니다. 시간이나 학년을 조정하세요.',
    );
    expect(posted).toBe(1);
  });
});
