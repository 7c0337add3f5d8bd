import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeDueItem } from '../testing/outcome-data';

const DUE = 'GET /outcomes/due';

describe('Surveys due', () => {
  it('lists each survey owed with a link to the participant, its window and its status, filterable by status', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      [DUE]: () =>
        json({
          items: [
            makeDueItem({ participant_id: 'p-rowan', preferred_name: 'Rowan Adeyemi', timepoint: 'intake', status: 'overdue', due_on: '2026-01-05', window_opens_on: '2026-01-05', window_closes_on: '2026-02-04' }),
            makeDueItem({ participant_id: 'p-zoe', preferred_name: 'Zoë Whitaker', status: 'upcoming', due_on: '2099-02-06', window_opens_on: '2099-01-07', window_closes_on: '2099-04-07' }),
          ],
          next_cursor: null,
        }),
    });
    const { user } = renderApp({ path: '/surveys-due' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Surveys due' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Surveys due' });
    const rowan = within(table).getByRole('row', { name: /Rowan Adeyemi/ });
    expect(within(rowan).getByRole('link', { name: 'Rowan Adeyemi' })).toHaveAttribute('href', '/participants/p-rowan#outcome-surveys');
    expect(rowan).toHaveTextContent('Intake');
    expect(rowan).toHaveTextContent('Jan 5, 2026 to Feb 4, 2026');
    expect(rowan).toHaveTextContent(/Overdue\s*Closed \d+ days ago/);
    const zoe = within(table).getByRole('row', { name: /Zoë Whitaker/ });
    expect(zoe).toHaveTextContent('Six-month follow-up');
    expect(zoe).toHaveTextContent(/Coming up\s*Opens in \d+ days/);
    expect(screen.getByText('Showing 2 surveys.')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'due-or-overdue');
    await waitFor(() => expect(new URL(mock.calls(DUE).at(-1)!.url).searchParams.getAll('status')).toEqual(['due', 'overdue']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Coming up within' }), '90');
    await waitFor(() => expect(new URL(mock.calls(DUE).at(-1)!.url).searchParams.get('horizon_days')).toBe('90'));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect([...new URL(mock.calls(DUE).at(-1)!.url).searchParams.keys()]).toEqual(['limit']));
  });

  it('says so when nothing is due', async () => {
    mockApi({ ...signedInRoutes('supervisor'), [DUE]: () => json({ items: [], next_cursor: null }) });
    renderApp({ path: '/surveys-due' });
    expect(await screen.findByRole('heading', { name: 'No surveys are due.' })).toBeInTheDocument();
  });
});
