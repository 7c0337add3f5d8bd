import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { LUCIA_ID, MARCUS_ID, PARTICIPANT_ID } from '../testing/match-data';

const BALANCE = {
  specialists: [
    { specialist_id: LUCIA_ID, display_name: 'Lucía Morales', active: 3, proposed: 0, max_caseload: 15, accepting_new: true, spare: 12 },
    { specialist_id: MARCUS_ID, display_name: 'Marcus Bell', active: 14, proposed: 2, max_caseload: 15, accepting_new: false, spare: 1 },
  ],
  waiting: [
    { participant_id: 'p-ines', preferred_name: 'Inés Castillo', waiting_since: '2026-11-12T16:00:00Z', days_waiting: 14, has_proposal: false },
    { participant_id: PARTICIPANT_ID, preferred_name: 'Rowan Adeyemi', waiting_since: '2026-11-17T16:00:00Z', days_waiting: 9, has_proposal: false },
    { participant_id: 'p-mai', preferred_name: 'Mai Nguyen', waiting_since: '2026-11-05T16:00:00Z', days_waiting: 21, has_proposal: true },
  ],
};

describe('caseload balance', () => {
  it("shows each specialist's active and proposed counts against capacity, in words", async () => {
    mockApi({ ...signedInRoutes('supervisor'), 'GET /caseload/balance': () => json(BALANCE) });
    renderApp({ path: '/caseload-balance' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload balance' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Caseload by specialist' });
    const marcus = within(table).getByRole('rowheader', { name: /Marcus Bell/ }).closest('tr')!;
    expect(within(marcus).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '14',
      '2',
      '15',
      '14 of 15 taken, 1 place spare More proposals than spare places',
    ]);
    expect(marcus).toHaveTextContent('Not taking new participants');
    const lucia = within(table).getByRole('rowheader', { name: 'Lucía Morales' }).closest('tr')!;
    expect(lucia).toHaveTextContent('3 of 15 taken, 12 places spare');
    expect(lucia).not.toHaveTextContent('More proposals');
  });

  it('lists who waits for a match, longest first, with how long and a link to their page', async () => {
    mockApi({ ...signedInRoutes('supervisor'), 'GET /caseload/balance': () => json(BALANCE) });
    renderApp({ path: '/caseload-balance' });

    const table = await screen.findByRole('table', { name: 'Participants waiting for a match' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Mai Nguyen', 'Inés Castillo', 'Rowan Adeyemi']);
    expect(rows[0]).toHaveTextContent('21 days');
    expect(rows[0]).toHaveTextContent('Waiting for their answer');
    expect(rows[2]).toHaveTextContent('9 days');
    expect(rows[2]).toHaveTextContent('No proposal yet');
    expect(within(rows[2]!).getByRole('link', { name: 'Rowan Adeyemi' })).toHaveAttribute(
      'href',
      `/participants/${PARTICIPANT_ID}#peer-match`,
    );
  });

  it('says so when the balance cannot be loaded, with a way to try again', async () => {
    mockApi({
      ...signedInRoutes('supervisor'),
      'GET /caseload/balance': [() => problem(500, 'Something broke.'), () => json(BALANCE)],
    });
    const { user } = renderApp({ path: '/caseload-balance' });

    expect(await screen.findByRole('alert')).toHaveTextContent('We couldn’t load the caseloads.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Caseload by specialist' })).toBeInTheDocument();
  });

  it('is for supervisors only', async () => {
    mockApi(signedInRoutes('specialist'));
    renderApp({ path: '/caseload-balance' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available for your account' })).toBeInTheDocument();
  });
});
