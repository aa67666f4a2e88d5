import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../testing/server';
import { renderWithApp } from '../../../../testing/render';
import { SectionForm } from '../../routes/section-edit';
import type { AdminSection } from '../../api/list-sections';
import { meetingProblems } from '../section-edit-meetings-rules';
import type { MeetingRow } from '../section-edit-meetings-rules';

const API = 'http://localhost:3000';
const department = { id: 1, code: 'CSE', name: '컴퓨터공학과' };

function row(key: number, day: MeetingRow['day'], start: string, end: string): MeetingRow {
  return { key, day, start, end };
}

describe('meetingProblems', () => {
  it('flags an end that is not after its start', () => {
    expect(meetingProblems([row(1, 'MON', '10:00', '10:00')]).get(1)).toBe('endBeforeStart');
    expect(meetingProblems([row(1, 'MON', '11:00', '10:00')]).get(1)).toBe('endBeforeStart');
  });

  it('flags both meetings of the same day that overlap, including one enclosing the other', () => {
    const problems = meetingProblems([row(1, 'TUE', '09:00', '12:00'), row(2, 'TUE', '10:00', '10:30')]);
    expect(problems.get(1)).toBe('overlap');
    expect(problems.get(2)).toBe('overlap');
  });

  it('accepts meetings that only touch (half-open) or fall on different days', () => {
    expect(meetingProblems([row(1, 'WED', '09:00', '10:30'), row(2, 'WED', '10:30', '12:00')]).size).toBe(0);
    expect(meetingProblems([row(1, 'WED', '09:00', '10:30'), row(2, 'THU', '09:00', '10:30')]).size).toBe(0);
  });
});

function serveChoices() {
  server.use(
    http.get(`${API}/admin/api/subjects`, () =>
      HttpResponse.json([
        {
          id: 7,
          code: 'CSE101',
          name: '자료구조',
          department,
          credits: 3,
          type: 'major_required',
          targetYear: null,
          description: null,
          sectionCount: 0,
        },
      ]),
    ),
    http.get(`${API}/admin/api/professors`, () =>
      HttpResponse.json([{ id: 3, name: '김교수', department, sectionCount: 1 }]),
    ),
  );
}

describe('the section form’s meetings editor', () => {
  it('refuses to send overlapping meetings, says which row is wrong, then sends the fixed ones', async () => {
    serveChoices();
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/admin/api/sections`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ id: 11, number: 1 }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<SectionForm />, { path: '/admin/sections/new' });

    await screen.findByRole('option', { name: /CSE101/ }, { timeout: 5_000 });
    await user.selectOptions(screen.getByLabelText('교과목'), '7');
    await screen.findByRole('option', { name: /김교수/ });
    await user.click(screen.getByRole('button', { name: '수업 시간 추가' }));
    const second = screen.getByRole('group', { name: '수업 시간 2' });
    expect(document.activeElement).toBe(within(second).getByLabelText('요일'));
    await user.selectOptions(within(second).getByLabelText('요일'), 'MON');
    await user.selectOptions(within(second).getByLabelText('시작'), '10:00');
    await user.selectOptions(within(second).getByLabelText('종료'), '11:00');
    await user.click(screen.getByRole('button', { name: '분반 만들기' }));

    expect(within(second).getByText('이 분반의 다른 수업 시간과 겹칩니다.')).toBeTruthy();
    expect(within(second).getByLabelText('시작').getAttribute('aria-invalid')).toBe('true');
    expect(bodies).toEqual([]);

    await user.selectOptions(within(second).getByLabelText('요일'), 'WED');
    await user.click(screen.getByRole('button', { name: '분반 만들기' }));

    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0]).toEqual({
      subjectId: 7,
      professorId: null,
      capacity: 30,
      meetings: [
        { day: 'MON', start: '09:00', end: '10:30' },
        { day: 'WED', start: '10:00', end: '11:00' },
      ],
    });
  });

  it('refuses an end before its start and a section with no meeting at all', async () => {
    serveChoices();
    let posted = 0;
    server.use(
      http.post(`${API}/admin/api/sections`, () => {
        posted += 1;
        return HttpResponse.json({ id: 11, number: 1 }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<SectionForm />, { path: '/admin/sections/new' });
    await screen.findByRole('option', { name: /CSE101/ }, { timeout: 5_000 });
    await user.selectOptions(screen.getByLabelText('교과목'), '7');
    const first = screen.getByRole('group', { name: '수업 시간 1' });
    await user.selectOptions(within(first).getByLabelText('종료'), '08:30');
    await user.click(screen.getByRole('button', { name: '분반 만들기' }));
    expect(within(first).getByText('종료 시각이 시작 시각보다 늦어야 합니다.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '수업 시간 1 삭제' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '수업 시간 추가' }));
    await user.click(screen.getByRole('button', { name: '분반 만들기' }));
    expect(screen.getByText('수업 시간을 하나 이상 넣으세요.', { selector: '.field-error' })).toBeTruthy();
    expect(posted).toBe(0);
  });

  it('shows the server’s ENROLLED_TIME_CONFLICT as a sentence when saving new meetings', async () => {
    serveChoices();
    server.use(
      http.patch(`${API}/admin/api/sections/5`, () =>
        HttpResponse.json({ error: { code: 'ENROLLED_TIME_CONFLICT', message: 'overlap' } }, { status: 409 }),
      ),
    );
    const section: AdminSection = {
      id: 5,
      number: 1,
      subject: { id: 7, code: 'CSE101', name: '자료구조', credits: 3, type: 'major_required', department },
      professor: null,
      capacity: 30,
      taken: 4,
      enrolled: 4,
      waitlisted: 0,
      meetings: [{ day: 'FRI', start: '13:00', end: '14:30' }],
    };
    const user = userEvent.setup();
    renderWithApp(<SectionForm section={section} />, { path: '/admin/sections/5' });
    await user.click(screen.getByRole('button', { name: '저장' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '새 수업 시간이 수강생이 신청한 다른 분반과 겹칩니다. 다른 시간을 고르세요.',
    );
  });
});
