import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Role } from '@/lib/auth/current-user';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { LUCIA_ID, MARCUS_EXPLANATION, MARCUS_ID, makeMatch, makePreferences, page, PARTICIPANT_ID } from '../testing/match-data';

import { PeerMatchSection } from './peer-match-section';

const SUGGESTIONS = {
  items: [
    { specialist_id: MARCUS_ID, display_name: 'Marcus Bell', score: 41, explanation: MARCUS_EXPLANATION },
    { specialist_id: LUCIA_ID, display_name: 'Lucía Morales', score: 0, explanation: [] },
  ],
};

function routes(role: Role) {
  return {
    ...signedInRoutes(role),
    'GET /participants/{participant_id}/matches': () => json(page([])),
    'GET /participants/{participant_id}/matching-preferences': () => json(makePreferences(), 200, { ETag: '"m-0"' }),
    'GET /participants/{participant_id}/match-suggestions': () => json(SUGGESTIONS),
  };
}

function renderSection(canMatch = true) {
  return renderApp({
    path: '/',
    routes: [
      {
        path: '/',
        element: <PeerMatchSection participantId={PARTICIPANT_ID} participantName="Rowan" canMatch={canMatch} />,
      },
    ],
  });
}

describe('PeerMatchSection', () => {
  it('shows each suggestion with its score and the points and reason of every criterion', async () => {
    mockApi(routes('specialist'));
    renderSection();

    const marcus = (await screen.findByRole('heading', { level: 4, name: 'Marcus Bell' })).closest('li')!;
    expect(within(marcus).getByText('41')).toBeInTheDocument();
    const reasons = within(marcus).getByRole('list', { name: 'Why Marcus Bell fits' });
    const lines = within(reasons).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual([
      '+30 pointsRecovery pathway: Shares the recovery pathway: SMART Recovery.',
      '+7 pointsLife stage: Born in an adjacent decade.',
      '+4 pointsSubstance: Lived experience with alcohol.',
    ]);
    // Suggested on the hard rules alone: said in words, not an empty list.
    const lucia = screen.getByRole('heading', { level: 4, name: 'Lucía Morales' }).closest('li')!;
    expect(within(lucia).getByText(/shares no recorded experience: 0 points/)).toBeInTheDocument();
    expect(screen.getByText('Rowan has no peer match yet.')).toBeInTheDocument();
  });

  it('proposes a suggested specialist and says what happens next', async () => {
    const mock = mockApi({
      ...routes('supervisor'),
      'POST /participants/{participant_id}/matches': () => json(makeMatch(), 201),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Propose Marcus Bell' }));

    expect(await screen.findByText(/Marcus Bell is proposed\. Rowan will see the proposal/)).toHaveFocus();
    const [request] = mock.calls('POST /participants/{participant_id}/matches');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/participants/${PARTICIPANT_ID}/matches`);
    expect(await request!.json()).toEqual({ specialist_id: MARCUS_ID });
    // The matches and suggestions are read again, so the proposal shows as the current match.
    expect(mock.calls('GET /participants/{participant_id}/matches').length).toBeGreaterThan(1);
    expect(mock.calls('GET /participants/{participant_id}/match-suggestions').length).toBeGreaterThan(1);
  });

  it('says why a proposal was refused, beside the specialist it is about', async () => {
    mockApi({
      ...routes('specialist'),
      'POST /participants/{participant_id}/matches': [
        () => problem(422, 'This specialist shares no language with the participant.'),
        () => problem(409, 'This participant already has an open match with this specialist.'),
      ],
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Propose Lucía Morales' }));
    const lucia = screen.getByRole('heading', { level: 4, name: 'Lucía Morales' }).closest('li')!;
    expect(await within(lucia).findByRole('alert')).toHaveTextContent('This specialist shares no language with the participant.');

    await user.click(screen.getByRole('button', { name: 'Propose Marcus Bell' }));
    const marcus = screen.getByRole('heading', { level: 4, name: 'Marcus Bell' }).closest('li')!;
    expect(await within(marcus).findByRole('alert')).toHaveTextContent('already has an open match');
    expect(within(lucia).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the current match and open proposal with their reasons, and the history', async () => {
    mockApi({
      ...routes('supervisor'),
      'GET /participants/{participant_id}/matches': () =>
        json(
          page([
            makeMatch({ id: 'm3', status: 'proposed', specialist_id: LUCIA_ID, specialist_name: 'Lucía Morales', score: 0, explanation: [] }),
            makeMatch({ id: 'm2', status: 'active', activated_at: '2026-11-22T15:00:00Z' }),
            makeMatch({
              id: 'm1',
              status: 'declined',
              specialist_name: 'Jordan Ellis',
              declined_at: '2026-11-10T15:00:00Z',
              decline_reason: 'Someone closer to my age, please',
            }),
          ]),
        ),
      'GET /participants/{participant_id}/matching-preferences': () =>
        json(makePreferences({ gender_preference: 'woman', priorities: ['recovery_pathway'] }), 200, { ETag: '"m-1"' }),
    });
    renderSection();

    const active = (await screen.findByRole('heading', { level: 4, name: 'Matched with Marcus Bell' })).closest('li')!;
    expect(within(active).getByRole('list', { name: 'Why Marcus Bell fits' })).toBeInTheDocument();
    expect(within(active).getByRole('button', { name: 'End match with Marcus Bell' })).toBeInTheDocument();
    const proposal = screen.getByRole('heading', { level: 4, name: 'Proposed: Lucía Morales' }).closest('li')!;
    expect(within(proposal).getByText(/waiting for Rowan to accept or decline/)).toBeInTheDocument();
    expect(within(proposal).getByRole('button', { name: 'Withdraw proposal with Lucía Morales' })).toBeInTheDocument();
    expect(screen.getByText(/Declined on .*: “Someone closer to my age, please”/)).toBeInTheDocument();
    expect(await screen.findByText('A woman')).toBeInTheDocument();
    expect(screen.getByText('Recovery pathway')).toBeInTheDocument();
  });

  it('ends a match only with a reason', async () => {
    const mock = mockApi({
      ...routes('supervisor'),
      'GET /participants/{participant_id}/matches': () =>
        json(page([makeMatch({ id: 'm2', status: 'active', activated_at: '2026-11-22T15:00:00Z' })])),
      'POST /matches/{match_id}/end': () => json(makeMatch({ id: 'm2', status: 'ended', activated_at: '2026-11-22T15:00:00Z' })),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'End match with Marcus Bell' }));
    const dialog = screen.getByRole('dialog', { name: 'End the match with Marcus Bell?' });
    await user.click(within(dialog).getByRole('button', { name: 'End match' }));
    expect(within(dialog).getByLabelText(/^Reason/)).toHaveAccessibleDescription(/Say in a few words why/);
    expect(mock.calls('POST /matches/{match_id}/end')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^Reason/), 'Marcus is moving to another program');
    await user.click(within(dialog).getByRole('button', { name: 'End match' }));
    expect(await screen.findByText('The match with Marcus Bell has ended.')).toBeInTheDocument();
    const [request] = mock.calls('POST /matches/{match_id}/end');
    expect(new URL(request!.url).pathname).toBe('/api/v1/matches/m2/end');
    expect(await request!.json()).toEqual({ reason: 'Marcus is moving to another program' });
  });

  it('leaves suggestions out quietly when the account may not ask for them', async () => {
    mockApi({
      ...routes('specialist'),
      'GET /participants/{participant_id}/match-suggestions': () =>
        problem(403, 'This operation is not available to the specialist role.'),
    });
    renderSection();

    expect(await screen.findByText('Rowan has no peer match yet.')).toBeInTheDocument();
    await screen.findByText('No preferences stated', { exact: false });
    expect(screen.queryByRole('heading', { name: 'Suggested specialists' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says in plain words why no one is suggested for a participant who left the program', async () => {
    mockApi({
      ...routes('supervisor'),
      'GET /participants/{participant_id}/match-suggestions': () =>
        problem(409, 'Only an active participant can be matched; this one is withdrawn.'),
    });
    renderSection();

    expect(await screen.findByText('Only an active participant can be matched; this one is withdrawn.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows admins the match without suggestions or actions', async () => {
    const mock = mockApi({
      ...routes('admin'),
      'GET /participants/{participant_id}/matches': () =>
        json(page([makeMatch({ status: 'active', activated_at: '2026-11-22T15:00:00Z' })])),
    });
    renderSection(false);

    expect(await screen.findByRole('heading', { level: 4, name: 'Matched with Marcus Bell' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(mock.calls('GET /participants/{participant_id}/match-suggestions')).toHaveLength(0);
  });
});
