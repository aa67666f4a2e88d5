import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import type { Profile } from '../api/get-profile';
import { Component as ProfilePage } from '../routes/profile';

const API = 'http://localhost:3000';

const PROFILE: Profile = {
  id: 7,
  role: 'student',
  username: '2610001',
  studentNo: '2610001',
  name: '김학생',
  mustChangePassword: false,
  department: { id: 1, code: '10', name: '컴퓨터공학과' },
  entryYear: 2026,
  year: 1,
  tel: '010-1234-5678',
  email: 'old@example.com',
  birthDate: '2007-03-04',
  address: { postcode: '04763', line1: '서울 성동구 왕십리로 222', line2: null },
};

function serverWith(answer?: (body: unknown) => Response) {
  const seen: unknown[] = [];
  let current = PROFILE;
  server.use(
    http.get(`${API}/student/api/me`, () => HttpResponse.json(current)),
    http.patch(`${API}/student/api/me`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push(body);
      if (answer) return answer(body);
      current = {
        ...current,
        ...(body as Partial<Profile>),
        address: { ...current.address!, ...(body.address ?? {}) },
      };
      return HttpResponse.json(current);
    }),
  );
  return seen;
}

describe('내 정보 (profile) page', () => {
  it('shows the record and the current contact', async () => {
    serverWith();
    renderWithApp(<ProfilePage />, { path: '/student/me' });
    expect(await screen.findByText('컴퓨터공학과')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('전화번호').value).toBe('010-1234-5678');
    expect(screen.getByLabelText<HTMLInputElement>('우편번호').value).toBe('04763');
    expect(screen.getByRole('link', { name: '비밀번호 변경' }).getAttribute('href')).toBe(
      '/student/password?next=%2Fstudent%2Fme',
    );
  });

  it('saves only the fields that changed, a cleared field as null', async () => {
    const seen = serverWith();
    const user = userEvent.setup();
    renderWithApp(<ProfilePage />, { path: '/student/me' });
    const email = await screen.findByLabelText('이메일');
    await user.clear(email);
    await user.type(email, 'new@example.com');
    await user.clear(screen.getByLabelText('전화번호'));
    await user.type(screen.getByLabelText('상세 주소'), '101동 202호');
    await user.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ tel: null, email: 'new@example.com', address: { line2: '101동 202호' } });
    expect((await screen.findAllByText('저장되었습니다.')).length).toBeGreaterThan(0);
  });

  it('when nothing changed (spaces only), it says so and sends nothing', async () => {
    const seen = serverWith();
    const user = userEvent.setup();
    renderWithApp(<ProfilePage />, { path: '/student/me' });
    await user.type(await screen.findByLabelText('주소'), '  ');
    await user.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByText('바뀐 내용이 없습니다.')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('when the server refuses the phone number, the sentence sits on that field', async () => {
    serverWith(() => HttpResponse.json({ error: { code: 'INVALID_TEL', message: 'x' } }, { status: 400 }));
    const user = userEvent.setup();
    renderWithApp(<ProfilePage />, { path: '/student/me' });
    const tel = await screen.findByLabelText('전화번호');
    await user.clear(tel);
    await user.type(tel, '0101');
    await user.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(tel.getAttribute('aria-invalid')).toBe('true'));
    const described = (tel.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('전화번호를 숫자 8~15자리로 입력하세요.');
  });

  it('when validation names a nested field (address.postcode), that field is marked', async () => {
    serverWith(() =>
      HttpResponse.json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message:
              '입력값이 올바르지 않습니다 / Invalid body: address.postcode must match pattern "^[0-9]{5}$"',
          },
        },
        { status: 400 },
      ),
    );
    const user = userEvent.setup();
    renderWithApp(<ProfilePage />, { path: '/student/me', locale: 'en' });
    const postcode = await screen.findByLabelText('Postcode');
    await user.clear(postcode);
    await user.type(postcode, '123');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the postcode as 5 digits.')).toBeTruthy();
    expect(postcode.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });
});
