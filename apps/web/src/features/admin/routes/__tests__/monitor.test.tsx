import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../testing/server';
import { renderWithApp } from '../../../../testing/render';
import type { MonitorSnapshot } from '../../api/get-monitor';
import { Component as Monitor } from '../monitor';

const API = 'http://localhost:3000';

function snapshot(enrolled: number, generatedAt: string, last10s: number): MonitorSnapshot {
  const section = {
    id: 9,
    number: 2,
    subject: { id: 3, code: 'CSE201', name: '알고리즘' },
    capacity: 40,
    enrolled,
    waitlisted: enrolled === 40 ? 5 : 0,
    rejections: enrolled === 40 ? 12 : 0,
    fillRate: enrolled / 40,
  };
  return {
    generatedAt,
    // Small so the test sees the next poll soon; the page must poll at whatever the server says.
    refreshMs: 40,
    openPeriods: [
      { id: 1, name: '2027-1 수강신청', kind: 'registration', closesAt: '2027-02-10T09:00:00.000Z' },
    ],
    totals: {
      sections: 1,
      capacity: 40,
      enrolled,
      waitlisted: section.waitlisted,
      rejections: section.rejections,
    },
    registrationsPerSecond: { last10s, last60s: last10s / 2 },
    sections: [section],
    sectionsLimit: 50,
    sectionsTruncated: false,
    contested: section.waitlisted > 0 ? [section] : [],
    rejectionsSource: 'process',
  };
}

describe('the live registration monitor', () => {
  it('shows a snapshot in tables, in Seoul time, then polls at refreshMs and shows the next one', async () => {
    const answers = [
      snapshot(30, '2027-02-10T01:00:00.000Z', 3),
      snapshot(40, '2027-02-10T01:00:02.000Z', 5),
    ];
    let calls = 0;
    server.use(
      http.get(`${API}/admin/api/monitor`, () => {
        const answer = answers[Math.min(calls, answers.length - 1)];
        calls += 1;
        return HttpResponse.json(answer);
      }),
    );
    renderWithApp(<Monitor />, { path: '/admin/monitor' });

    const fill = await screen.findByRole('table', { name: '가장 붐비는 분반 1개' }, { timeout: 5_000 });
    const row = within(fill).getByRole('row', { name: /CSE201 알고리즘 2분반/ });
    expect(within(row).getByText('30/40')).toBeTruthy();
    expect(within(row).getByText('75%')).toBeTruthy();
    expect(screen.getByText(/2027\. 02\. 10\. 10:00:00 기준 \(KST\)/)).toBeTruthy();
    expect(screen.getByText('대기자나 거절이 있는 분반이 아직 없습니다.')).toBeTruthy();
    expect(screen.getByRole('img', { name: '아직 표본이 하나뿐입니다.' })).toBeTruthy();

    const contested = await screen.findByRole('table', { name: /대기자가 많은 순/ }, { timeout: 5_000 });
    const hot = within(contested).getByRole('row', { name: /CSE201 알고리즘 2분반/ });
    expect(within(hot).getByText('40/40')).toBeTruthy();
    expect(within(hot).getByText('100%')).toBeTruthy();
    expect(within(hot).getByText('12')).toBeTruthy();
    expect(screen.getByTestId('total-enrolled').textContent).toBe('40');
    expect(
      screen.getByRole('img', {
        name: '최근 2개 표본의 초당 신청(최근 10초 평균): 최소 3.0, 최대 5.0, 지금 5.0건/초',
      }),
    ).toBeTruthy();
    expect(screen.getByText(/2027\. 02\. 10\. 10:00:02 기준/)).toBeTruthy();
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
