import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp as render } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Component as SignIn } from '../routes/sign-in';

const API = 'http://localhost:3000';

function student(mustChangePassword = false) {
  return { id: 7, username: '2610001', name: '김학생', role: 'student' as const, mustChangePassword };
}

/** A server whose session starts empty and holds `user` once the right password is given. */
function serverWith(user: ReturnType<typeof student>, seen: unknown[] = []) {
  let signedIn = false;
  server.use(
    http.get(`${API}/student/api/session`, () => HttpResponse.json({ user: signedIn ? user : null })),
    http.post(`${API}/student/api/auth/login`, async ({ request }) => {
      const body = (await request.json()) as { username: string; password: string };
      seen.push(body);
      if (body.password !== 'right-pass-1') {
        return HttpResponse.json({ error: { code: 'INVALID_CREDENTIALS', message: 'x' } }, { status: 401 });
      }
      signedIn = true;
      return HttpResponse.json({ token: 't', csrfToken: 'c', expiresAt: '2027-01-01T00:00:00Z', user });
    }),
  );
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('학번 또는 관리자 아이디'), username);
  await user.type(screen.getByLabelText('비밀번호'), password);
  await user.click(screen.getByRole('button', { name: '로그인' }));
}

describe('sign-in page', () => {
  it('when the password is right, the student lands on the page they were sent away from', async () => {
    const seen: unknown[] = [];
    serverWith(student(), seen);
    const { location } = render(<SignIn />, { path: '/?next=%2Fsugang%2Fcart' });
    await signIn(' 2610001 ', 'right-pass-1');
    await waitFor(() => expect(location.history?.at(-1)).toBe('/sugang/cart'));
    expect(seen).toEqual([{ username: '2610001', password: 'right-pass-1' }]);
  });

  it('when next points to another site, the student goes to their own home instead', async () => {
    serverWith(student());
    const { location } = render(<SignIn />, { path: '/?next=%2F%2Fevil.example%2F' });
    await signIn('2610001', 'right-pass-1');
    await waitFor(() => expect(location.history?.at(-1)).toBe('/sugang'));
  });

  it('when the account must change its password, sign-in leads to the change page and keeps next', async () => {
    serverWith(student(true));
    const { location } = render(<SignIn />, { path: '/?next=%2Fstudent%2Fme' });
    await signIn('2610001', 'right-pass-1');
    await waitFor(() =>
      expect(location.history?.at(-1)).toBe(`/student/password?next=${encodeURIComponent('/student/me')}`),
    );
  });

  it('when the password is wrong, a sentence says so and points to the lookup; nobody moves', async () => {
    serverWith(student());
    const { location } = render(<SignIn />, { path: '/' });
    await signIn('2610001', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe(
      '학번(아이디) 또는 비밀번호가 맞지 않습니다. 학번이 기억나지 않으면 학번 조회를 이용하세요.',
    );
    expect(location.history).toEqual(['/']);
    expect(screen.getByRole('link', { name: /학번 조회/ }).getAttribute('href')).toBe('/student/lookup');
  });

  it('when sign-ins are throttled, the sentence gives the seconds from Retry-After (in English too)', async () => {
    server.use(
      http.get(`${API}/student/api/session`, () => HttpResponse.json({ user: null })),
      http.post(`${API}/student/api/auth/login`, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMITED', message: 'x' } },
          { status: 429, headers: { 'Retry-After': '42' } },
        ),
      ),
    );
    const user = userEvent.setup();
    render(<SignIn />, { path: '/', locale: 'en' });
    await user.type(screen.getByLabelText('Student number or admin username'), '2610001');
    await user.type(screen.getByLabelText('Password'), 'whatever-1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests. Try again in 42 s.');
  });

  it('when a field is empty, it says which and sends nothing', async () => {
    const seen: unknown[] = [];
    serverWith(student(), seen);
    render(<SignIn />, { path: '/' });
    await userEvent.setup().click(screen.getByRole('button', { name: '로그인' }));
    const field = screen.getByLabelText('학번 또는 관리자 아이디');
    const described = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('학번 또는 관리자 아이디을(를) 입력하세요.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(seen).toEqual([]);
  });

  it('when someone is already signed in, the page sends them on at once', async () => {
    server.use(http.get(`${API}/student/api/session`, () => HttpResponse.json({ user: student() })));
    const { location } = render(<SignIn />, { path: '/' });
    await waitFor(() => expect(location.history?.at(-1)).toBe('/sugang'));
  });
});
