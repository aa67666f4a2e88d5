import '../../components/__tests__/admin-jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../testing/render';
import { server } from '../../../../testing/server';
import { Component as Departments } from '../departments';

const API = 'http://localhost:3000/admin/api';
const department = { id: 7, code: '12', name: '컴퓨터공학과' };

function impact(students: number) {
  return {
    department,
    students,
    professors: 3,
    subjects: 5,
    sections: 9,
    enrollments: 120,
    cartItems: 14,
    waitlistEntries: 6,
    posts: 2,
    deletable: students === 0,
  };
}

function serve(students: number, onDelete: () => Response) {
  let deletes = 0;
  server.use(
    http.get(`${API}/departments`, () => HttpResponse.json([department])),
    http.get(`${API}/departments/7/impact`, () => HttpResponse.json(impact(students))),
    http.delete(`${API}/departments/7`, () => {
      deletes += 1;
      return onDelete();
    }),
  );
  return { deletes: () => deletes };
}

async function openDelete() {
  const user = userEvent.setup();
  renderWithApp(<Departments />, { path: '/admin/departments' });
  await user.click(await screen.findByRole('button', { name: '삭제: 컴퓨터공학과' }));
  const dialog = await screen.findByRole('dialog', { name: '컴퓨터공학과 삭제' });
  return { user, dialog };
}

describe('deleting a department', () => {
  it('shows what cascades and refuses while students belong: the button is disabled and says why', async () => {
    const calls = serve(4, () => new HttpResponse(null, { status: 204 }));
    const { user, dialog } = await openDelete();
    await within(dialog).findByText(/소속 학생이 4명 있어 삭제할 수 없습니다/);
    expect(within(dialog).getByText('수강신청 내역 (모든 학과 학생)').nextSibling?.textContent).toBe('120');
    expect(within(dialog).getByText('대기자 명단 항목').nextSibling?.textContent).toBe('6');
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: '이 학과와 위의 항목을 모두 삭제',
    });
    expect(confirm.disabled).toBe(true);
    await user.click(confirm);
    expect(calls.deletes()).toBe(0);
  });

  it('deletes an empty department after the confirm, and says so', async () => {
    const calls = serve(0, () => new HttpResponse(null, { status: 204 }));
    const { user, dialog } = await openDelete();
    const confirm = within(dialog).getByRole('button', { name: '이 학과와 위의 항목을 모두 삭제' });
    await expect.poll(() => confirm.hasAttribute('disabled')).toBe(false);
    expect(within(dialog).queryByText(/삭제할 수 없습니다/)).toBeNull();
    await user.click(confirm);
    await screen.findByText('컴퓨터공학과 학과를 삭제했습니다.');
    expect(calls.deletes()).toBe(1);
  });

  it('shows the DEPARTMENT_NOT_EMPTY sentence when a student arrived after the preview', async () => {
    serve(0, () =>
      HttpResponse.json({ error: { code: 'DEPARTMENT_NOT_EMPTY', message: 'not empty' } }, { status: 409 }),
    );
    const { user, dialog } = await openDelete();
    const confirm = within(dialog).getByRole('button', { name: '이 학과와 위의 항목을 모두 삭제' });
    await expect.poll(() => confirm.hasAttribute('disabled')).toBe(false);
    await user.click(confirm);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      '소속 학생이 있어 삭제할 수 없습니다. 학생을 다른 학과로 옮긴 뒤 삭제하세요.',
    );
  });
});
