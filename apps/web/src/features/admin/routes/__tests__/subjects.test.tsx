import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../../testing/render';
import { server } from '../../../../testing/server';
import { Component as Subjects } from '../subjects';

const API = 'http://localhost:3000/admin/api';
const department = { id: 7, code: '12', name: 'Computer Science' };

describe('creating a subject', () => {
  it('checks credits and department per field, then sends the subject (in English too)', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get(`${API}/departments`, () => HttpResponse.json([department])),
      http.get(`${API}/subjects`, () => HttpResponse.json([])),
      http.post(`${API}/subjects`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ id: 1, code: 'C120001' }, { status: 201 });
      }),
    );
    const user = userEvent.setup();
    renderWithApp(<Subjects />, { path: '/admin/subjects', locale: 'en' });
    const form = await screen.findByRole('form', { name: 'Add a subject' });
    await user.type(within(form).getByLabelText('Subject name'), 'Compilers');
    const credits = within(form).getByLabelText('Credits');
    await user.clear(credits);
    await user.type(credits, '7');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(credits.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Credits are a whole number from 1 to 6.')).toBeDefined();
    expect(within(form).getByText('This field is required.')).toBeDefined();
    expect(bodies).toEqual([]);

    await user.clear(credits);
    await user.type(credits, '3');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Department' }), '7');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Target year' }), '2');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await screen.findByText('Added Compilers (C120001).');
    expect(bodies).toEqual([
      {
        departmentId: 7,
        name: 'Compilers',
        credits: 3,
        type: 'major_required',
        targetYear: 2,
        description: null,
      },
    ]);
  });
});
