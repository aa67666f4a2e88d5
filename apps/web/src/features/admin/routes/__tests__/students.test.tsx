import '../../components/__tests__/admin-jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../testing/render';
import { server } from '../../../../testing/server';
import { Component as Students } from '../students';

const API = 'http://localhost:3000/admin/api';
const student = {
  id: 5,
  studentNo: '2612001',
  name: '김하나',
  department: { id: 7, code: '12', name: '컴퓨터공학과' },
  entryYear: 2026,
  year: 1,
  tel: '010-1234-5678',
  email: null,
  birthDate: null,
  address: { postcode: null, line1: null, line2: null },
  mustChangePassword: true,
  createdAt: '2026-02-01T00:00:00.000Z',
};

function serveList() {
  const queries: string[] = [];
  server.use(
    http.get(`${API}/departments`, () => HttpResponse.json([student.department])),
    http.get(`${API}/students`, ({ request }) => {
      queries.push(new URL(request.url).search);
      return HttpResponse.json({ items: [student], total: 41 });
    }),
  );
  return queries;
}

describe('the registrar’s student list', () => {
  it('searches by name or 학번, department and year, and pages through the results', async () => {
    const queries = serveList();
    const user = userEvent.setup();
    renderWithApp(<Students />, { path: '/admin/students' });
    await screen.findByRole('table', { name: '검색 결과 41명' });
    await user.type(screen.getByLabelText('이름 또는 학번'), '2612');
    const search = screen.getByRole('search');
    await user.selectOptions(within(search).getByRole('combobox', { name: '학과' }), '7');
    await user.selectOptions(within(search).getByRole('combobox', { name: '학년' }), '1');
    await user.click(screen.getByRole('button', { name: '검색' }));
    await user.click(await screen.findByRole('button', { name: '다음' }));
    await screen.findByText('2 / 3 쪽');
    expect(queries).toEqual([
      '?page=1&pageSize=20',
      '?page=1&pageSize=20&q=2612&departmentId=7&year=1',
      '?page=2&pageSize=20&q=2612&departmentId=7&year=1',
    ]);
  });

  it('an edit sends only what changed, clearing a field as null', async () => {
    serveList();
    let body: unknown;
    server.use(
      http.patch(`${API}/students/5`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...student, year: 2, tel: null });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<Students />, { path: '/admin/students' });
    await user.click(await screen.findByRole('button', { name: '수정: 김하나 2612001' }));
    const dialog = await screen.findByRole('dialog', { name: '김하나(2612001) 수정' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: '학년' }), '2');
    await user.clear(within(dialog).getByLabelText('전화번호'));
    await user.click(within(dialog).getByRole('button', { name: '저장' }));
    await screen.findByText('김하나 학생 정보를 저장했습니다.');
    expect(body).toEqual({ year: 2, tel: null });
  });

  it('an invalid e-mail is named by its field and nothing is sent', async () => {
    serveList();
    const user = userEvent.setup();
    renderWithApp(<Students />, { path: '/admin/students' });
    await user.click(await screen.findByRole('button', { name: '수정: 김하나 2612001' }));
    const dialog = await screen.findByRole('dialog', { name: '김하나(2612001) 수정' });
    const email = within(dialog).getByLabelText('이메일');
    await user.type(email, 'not-an-address');
    await user.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('이메일 주소 형식이 아닙니다.')).toBeDefined();
  });

  it('a password reset shows the generated password once, after the confirm', async () => {
    serveList();
    let resets = 0;
    server.use(
      http.post(`${API}/students/5/reset-password`, () => {
        resets += 1;
        return HttpResponse.json({ initialPassword: 'Qw7eRt5yUi3oPa1s' });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<Students />, { path: '/admin/students' });
    await user.click(await screen.findByRole('button', { name: '비밀번호 초기화: 김하나 2612001' }));
    const dialog = await screen.findByRole('dialog', { name: '김하나(2612001) 비밀번호 초기화' });
    expect(resets).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: '초기화' }));
    expect((await within(dialog).findByText('Qw7eRt5yUi3oPa1s')).tagName).toBe('CODE');
    expect(resets).toBe(1);
    await user.click(within(dialog).getByRole('button', { name: '닫기' }));
    expect(screen.queryByText('Qw7eRt5yUi3oPa1s')).toBeNull();
  });
});
