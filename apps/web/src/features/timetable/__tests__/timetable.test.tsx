import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { server } from '../../../testing/server';
import { Component as Timetable } from '../routes/timetable';

const API = 'http://localhost:3000';

describe('시간표', () => {
  it('shows every meeting as a block with its full text, the total credits and the .ics link, in English too', async () => {
    server.use(
      http.get(`${API}/sugang/api/timetable`, () =>
        HttpResponse.json({
          items: [
            {
              sectionId: 1,
              sectionNumber: 2,
              subjectCode: 'CS101',
              subjectName: 'Data Structures',
              credits: 3,
              professor: null,
              meetings: [
                { day: 'MON', start: '09:00', end: '10:30' },
                { day: 'WED', start: '09:00', end: '10:30' },
              ],
            },
          ],
          totalCredits: 3,
          grid: { MON: [], TUE: [], WED: [], THU: [], FRI: [], SAT: [] },
        }),
      ),
    );
    renderWithApp(<Timetable />, { path: '/sugang/timetable', locale: 'en' });

    const grid = await screen.findByRole('group', { name: 'Weekly timetable' });
    const blocks = grid.querySelectorAll('.tt-block');
    expect([...blocks].map((b) => b.textContent)).toEqual([
      'Mon 09:00–10:30Data StructuresCS101 · section 209:00–10:30To be announced',
      'Wed 09:00–10:30Data StructuresCS101 · section 209:00–10:30To be announced',
    ]);
    expect(screen.getByText('3 credits in total')).toBeTruthy();
    const ics = screen.getByRole('link', { name: 'Download calendar file (.ics)' });
    expect(ics.getAttribute('href')).toBe('/sugang/api/timetable?format=ics');
    expect(ics.hasAttribute('download')).toBe(true);
    expect(within(screen.getByRole('table')).getByText('Mon 09:00–10:30, Wed 09:00–10:30')).toBeTruthy();
  });

  it('an empty timetable still draws the week and points to the catalog', async () => {
    server.use(
      http.get(`${API}/sugang/api/timetable`, () =>
        HttpResponse.json({
          items: [],
          totalCredits: 0,
          grid: { MON: [], TUE: [], WED: [], THU: [], FRI: [], SAT: [] },
        }),
      ),
    );
    renderWithApp(<Timetable />, { path: '/sugang/timetable' });
    const grid = await screen.findByRole('group', { name: '주간 시간표' });
    expect(grid.querySelectorAll('.tt-time')).toHaveLength(18);
    expect(screen.getByRole('link', { name: '수강편람 보기' })).toBeTruthy();
  });
});
