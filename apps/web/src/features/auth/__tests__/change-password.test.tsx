import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { passwordRuleMet } from '../password-policy';
import { Component as ChangePassword } from '../routes/change-password';

const API = 'http://localhost:3000';

function serverWith(options: { answer?: () => Response; seen?: unknown[] } = {}) {
  let mustChange = true;
  server.use(
    http.get(`${API}/student/api/session`, () =>
      HttpResponse.json({
        user: { id: 7, username: '2610001', name: '김학생', role: 'student', mustChangePassword: mustChange },
      }),
    ),
    http.post(`${API}/student/api/me/password`, async ({ request }) => {
      options.seen?.push(await request.json());
      if (options.answer) return options.answer();
      mustChange = false;
      return new HttpResponse(null, { status: 204 });
    }),
  );
}

/** Each rule's list item and whether it says it is met, as a screen reader hears it. */
function rules(): Record<string, boolean> {
  const list = screen.getByText('비밀번호 규칙').parentElement as HTMLElement;
  return Object.fromEntries(
    within(list)
      .getAllByRole('listitem')
      .map((li) => {
        const text = li.textContent ?? '';
        return [
          text.replace(/^[✓•]\s*/, '').replace(/ \((충족|아직 충족하지 않음)\)$/, ''),
          text.endsWith('(충족)'),
        ];
      }),
  );
}

describe('password change page', () => {
  it('explains every rule of the server policy before anything is typed, none ticked', async () => {
    serverWith();
    renderWithApp(<ChangePassword />, { path: '/student/password' });
    expect(await screen.findByText(/처음 로그인했거나/)).toBeTruthy();
    expect(rules()).toEqual({
      '10자 이상': false,
      '128자 이하': false,
      '영문자 1개 이상': false,
      '숫자 1개 이상': false,
      '학번(아이디)을 포함하지 않음': false,
      '현재 비밀번호와 다름': false,
    });
    const policyId = screen.getByText('비밀번호 규칙').parentElement?.id ?? '';
    expect(screen.getByLabelText('새 비밀번호').getAttribute('aria-describedby')).toContain(policyId);
  });

  it('ticks the rules off live as the new password meets them', async () => {
    serverWith();
    const user = userEvent.setup();
    renderWithApp(<ChangePassword />, { path: '/student/password' });
    await user.type(await screen.findByLabelText('현재 비밀번호'), 'old-pass-123');
    await user.type(screen.getByLabelText('새 비밀번호'), 'x2610001y');
    expect(rules()).toMatchObject({
      '10자 이상': false,
      '영문자 1개 이상': true,
      '숫자 1개 이상': true,
      '학번(아이디)을 포함하지 않음': false,
    });
    await user.clear(screen.getByLabelText('새 비밀번호'));
    await user.type(screen.getByLabelText('새 비밀번호'), 'fresh-pass-2027');
    expect(Object.values(rules()).every(Boolean)).toBe(true);
  });

  it('the client rules match the server policy at its edges', () => {
    const ctx = { username: '2610001', currentPassword: 'old-pass-123' };
    expect(passwordRuleMet('minLength', 'abcdefgh12', ctx)).toBe(true);
    expect(passwordRuleMet('minLength', 'abcdefgh1', ctx)).toBe(false);
    expect(passwordRuleMet('maxLength', `a1${'x'.repeat(126)}`, ctx)).toBe(true);
    expect(passwordRuleMet('maxLength', `a1${'x'.repeat(127)}`, ctx)).toBe(false);
    expect(passwordRuleMet('letter', '1234567890', ctx)).toBe(false);
    expect(passwordRuleMet('digit', 'abcdefghij', ctx)).toBe(false);
    expect(passwordRuleMet('notUsername', 'ADMIN-pass-1', { username: 'admin' })).toBe(false);
    expect(passwordRuleMet('differs', 'old-pass-123', ctx)).toBe(false);
  });

  it('when the confirmation differs, it says so and sends nothing', async () => {
    const seen: unknown[] = [];
    serverWith({ seen });
    const user = userEvent.setup();
    renderWithApp(<ChangePassword />, { path: '/student/password' });
    await user.type(await screen.findByLabelText('현재 비밀번호'), 'old-pass-123');
    await user.type(screen.getByLabelText('새 비밀번호'), 'fresh-pass-2027');
    await user.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh-pass-2028');
    await user.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(screen.getByText('새 비밀번호와 확인이 다릅니다.')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('when the server refuses the password as weak, its sentence is shown and the page stays', async () => {
    serverWith({
      answer: () => HttpResponse.json({ error: { code: 'WEAK_PASSWORD', message: 'x' } }, { status: 400 }),
    });
    const user = userEvent.setup();
    const { location } = renderWithApp(<ChangePassword />, { path: '/student/password?next=%2Fsugang' });
    await user.type(await screen.findByLabelText('현재 비밀번호'), 'old-pass-123');
    await user.type(screen.getByLabelText('새 비밀번호'), 'short');
    await user.type(screen.getByLabelText('새 비밀번호 확인'), 'short');
    await user.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '비밀번호 규칙에 맞지 않습니다. 안내된 규칙을 확인하세요.',
    );
    expect(location.history?.at(-1)).toBe('/student/password?next=%2Fsugang');
  });

  it('on success it sends both passwords, re-reads the session and continues to next', async () => {
    const seen: unknown[] = [];
    serverWith({ seen });
    const user = userEvent.setup();
    const { location, queryClient } = renderWithApp(<ChangePassword />, {
      path: '/student/password?next=%2Fsugang%2Fcart',
    });
    await user.type(await screen.findByLabelText('현재 비밀번호'), 'old-pass-123');
    await user.type(screen.getByLabelText('새 비밀번호'), 'fresh-pass-2027');
    await user.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh-pass-2027');
    await user.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe('/sugang/cart'));
    expect(seen).toEqual([{ currentPassword: 'old-pass-123', newPassword: 'fresh-pass-2027' }]);
    expect(queryClient.getQueryData<{ mustChangePassword: boolean }>(['me'])?.mustChangePassword).toBe(false);
  });
});
