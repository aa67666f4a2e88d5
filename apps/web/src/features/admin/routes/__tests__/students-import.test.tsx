import '../../components/__tests__/admin-jsdom-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../testing/render';
import { server } from '../../../../testing/server';
import { studentsImportTemplate } from '../../components/students-import-template';
import { Component as StudentsImport } from '../students-import';

const URL_IMPORT = 'http://localhost:3000/admin/api/students/import';
const CSV = 'name,departmentCode,entryYear,year\n김하나,12,2026,1\n이둘,12,2026,1\n';

async function upload(csv: string) {
  const user = userEvent.setup();
  renderWithApp(<StudentsImport />, { path: '/admin/students/import' });
  await user.upload(screen.getByLabelText('CSV 파일'), new File([csv], 'students.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: '등록' }));
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('importing students from CSV', () => {
  it('sends the file as it is, as text/csv, and shows each row with the 학번 and password issued', async () => {
    let sent: { type: string | null; body: string } | undefined;
    server.use(
      http.post(URL_IMPORT, async ({ request }) => {
        sent = { type: request.headers.get('content-type'), body: await request.text() };
        return HttpResponse.json(
          {
            created: 2,
            rows: [
              { row: 2, id: 1, studentNo: '2612001', initialPassword: 'Ab3dEf6hJk9mNp2q' },
              { row: 3, id: 2, studentNo: '2612002', initialPassword: 'Zx8cVb5nMq4wEr7t' },
            ],
          },
          { status: 201 },
        );
      }),
    );
    await upload(CSV);
    const table = await screen.findByRole('table', { name: '행별 결과' });
    expect(sent).toEqual({ type: 'text/csv', body: CSV });
    expect(rowsOf(table)).toEqual([
      ['2', '등록됨', '2612001', 'Ab3dEf6hJk9mNp2q'],
      ['3', '등록됨', '2612002', 'Zx8cVb5nMq4wEr7t'],
    ]);
    expect(screen.getByTestId('announce-polite').textContent).toMatch(/^2명을 등록했습니다/);
    expect(
      within(screen.getByRole('region', { name: '처리 결과' })).getByText(/2명을 등록했습니다/),
    ).toBeDefined();
  });

  it('shows each refused row with its problems, and that nobody was imported', async () => {
    server.use(
      http.post(URL_IMPORT, () =>
        HttpResponse.json(
          {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'CSV의 2개 행이 올바르지 않아 아무것도 등록하지 않았습니다',
              details: {
                rows: [
                  { row: 2, errors: ['departmentCode: 없는 학과 코드 / unknown department code 99'] },
                  { row: 4, errors: ['year: 1~4', 'email: 이메일 형식 / e-mail address'] },
                ],
              },
            },
          },
          { status: 400 },
        ),
      ),
    );
    await upload(CSV);
    const table = await screen.findByRole('table', { name: '행별 결과' });
    expect(rowsOf(table)).toEqual([
      ['2', '오류departmentCode: 없는 학과 코드 / unknown department code 99'],
      ['4', '오류year: 1~4email: 이메일 형식 / e-mail address'],
    ]);
    expect(within(table).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByTestId('announce-assertive').textContent).toMatch(/^2개 행에 문제가 있어/);
    expect(
      within(screen.getByRole('region', { name: '처리 결과' })).getByText(
        /2개 행에 문제가 있어 아무도 등록하지/,
      ),
    ).toBeDefined();
  });

  it('names a whole-file problem (a bad header) in the server’s words', async () => {
    server.use(
      http.post(URL_IMPORT, () =>
        HttpResponse.json(
          { error: { code: 'VALIDATION_FAILED', message: 'Bad CSV header: missing column "year"' } },
          { status: 400 },
        ),
      ),
    );
    await upload('name,departmentCode,entryYear\n');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('missing column "year"');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks for a file instead of sending nothing', async () => {
    const user = userEvent.setup();
    renderWithApp(<StudentsImport />, { path: '/admin/students/import' });
    await user.click(screen.getByRole('button', { name: '등록' }));
    expect(screen.getByLabelText('CSV 파일').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('올릴 CSV 파일을 고르세요.')).toBeDefined();
  });

  it('the template is the exact header the server reads, UTF-8 with a BOM for Excel', () => {
    expect(studentsImportTemplate()).toBe('\uFEFFname,departmentCode,entryYear,year,tel,email,birthDate\r\n');
  });
});
