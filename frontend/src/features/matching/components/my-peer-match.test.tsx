import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { LUCIA_ID, makeMatch, makePreferences, page, PARTICIPANT_ID } from '../testing/match-data';

const ACTIVE = makeMatch({ id: 'active-1', status: 'active', activated_at: '2026-11-22T15:00:00Z' });

function routes() {
  return {
    ...signedInRoutes('participant'),
    'GET /participants/{participant_id}/matching-preferences': () => json(makePreferences(), 200, { ETag: '"m-0"' }),
  };
}

describe('my peer match', () => {
  it('shows a proposed peer with the reasons, without scores, and accepts it', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': [
        () => json(page([makeMatch()])),
        () => json(page([ACTIVE])),
      ],
      'POST /matches/{match_id}/accept': () => json(ACTIVE),
    });
    const { user } = renderApp({ path: '/me/match' });

    const card = (await screen.findByRole('heading', { level: 2, name: 'We suggest Marcus Bell as your peer' })).closest('section')!;
    const reasons = within(card).getByRole('list', { name: 'Why Marcus Bell could be a good fit' });
    expect(within(reasons).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Shares the recovery pathway: SMART Recovery.',
      'Born in an adjacent decade.',
      'Lived experience with alcohol.',
    ]);
    expect(card).not.toHaveTextContent(/points|score/i);

    await user.click(within(card).getByRole('button', { name: 'Accept Marcus Bell' }));

    expect(await screen.findByText('Marcus Bell is now your peer specialist.')).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: 'Your peer specialist is Marcus Bell' })).toBeInTheDocument();
    const [request] = mock.calls('POST /matches/{match_id}/accept');
    expect(new URL(request!.url).pathname).toBe('/api/v1/matches/match-1/accept');
  });

  it('says plainly when the peer has no space, and keeps the proposal', async () => {
    mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () => json(page([makeMatch()])),
      'POST /matches/{match_id}/accept': () => problem(409, 'This specialist has no space right now.'),
    });
    const { user } = renderApp({ path: '/me/match' });

    await user.click(await screen.findByRole('button', { name: 'Accept Marcus Bell' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This specialist has no space right now.');
    expect(screen.getByRole('button', { name: 'Decline Marcus Bell' })).toBeInTheDocument();
  });

  it('declines a proposal with an optional reason', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': [
        () => json(page([makeMatch()])),
        () => json(page([makeMatch({ status: 'declined', declined_at: '2026-11-26T10:00:00Z', decline_reason: 'Not now' })])),
      ],
      'POST /matches/{match_id}/decline': () => json(makeMatch({ status: 'declined' })),
    });
    const { user } = renderApp({ path: '/me/match' });

    await user.click(await screen.findByRole('button', { name: 'Decline Marcus Bell' }));
    const dialog = screen.getByRole('dialog', { name: 'Decline Marcus Bell?' });
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await user.type(within(dialog).getByLabelText(/Would you like to say why/), 'Not now');
    await user.click(within(dialog).getByRole('button', { name: 'Decline' }));

    expect(await screen.findByText('You declined Marcus Bell. Your team will look for someone else.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Earlier matches' })).toBeInTheDocument();
    const [request] = mock.calls('POST /matches/{match_id}/decline');
    expect(await request!.json()).toEqual({ reason: 'Not now' });
  });

  it('declines without a reason when none is given', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () => json(page([makeMatch()])),
      'POST /matches/{match_id}/decline': () => json(makeMatch({ status: 'declined' })),
    });
    const { user } = renderApp({ path: '/me/match' });

    await user.click(await screen.findByRole('button', { name: 'Decline Marcus Bell' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Decline' }));
    await screen.findByText(/You declined Marcus Bell/);
    expect(await mock.calls('POST /matches/{match_id}/decline')[0]!.json()).toEqual({});
  });

  it('lets the participant ask for a different match, saying what stays the same', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () => json(page([ACTIVE])),
      'POST /participants/{participant_id}/matches/request-change': () =>
        json({ ...ACTIVE, status: 'ended', ended_at: '2026-11-26T10:00:00Z' }),
    });
    const { user } = renderApp({ path: '/me/match' });

    await user.click(await screen.findByRole('button', { name: 'Ask for a different match' }));
    const dialog = screen.getByRole('dialog', { name: 'Ask for a different match?' });
    expect(dialog).toHaveAccessibleDescription(/Your plan and check-ins stay as they are/);
    await user.click(within(dialog).getByRole('button', { name: 'Ask for a different match' }));

    expect(await screen.findByText(/Your match with Marcus Bell has ended/)).toBeInTheDocument();
    const [request] = mock.calls('POST /participants/{participant_id}/matches/request-change');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/participants/${PARTICIPANT_ID}/matches/request-change`);
  });

  it('says that accepting another proposal ends the current match', async () => {
    mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () =>
        json(page([makeMatch({ id: 'p2', specialist_id: LUCIA_ID, specialist_name: 'Lucía Morales', explanation: [] }), ACTIVE])),
    });
    renderApp({ path: '/me/match' });

    const card = (await screen.findByRole('heading', { name: 'We suggest Lucía Morales as your peer' })).closest('section')!;
    expect(within(card).getByText('Accepting ends your match with Marcus Bell.')).toBeInTheDocument();
    expect(within(card).getByText('They speak your language and have time for you.')).toBeInTheDocument();
  });
});

describe('matching preferences', () => {
  it('saves the whole set with the If-Match of the version read', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () => json(page([])),
      'PUT /participants/{participant_id}/matching-preferences': () =>
        json(makePreferences({ gender_preference: 'woman', languages: ['es'], faith_preference: 'secular' }), 200, {
          ETag: '"m-1"',
        }),
    });
    const { user } = renderApp({ path: '/me/match' });

    expect(await screen.findByRole('heading', { name: 'You do not have a peer specialist yet' })).toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText(/^Your peer’s gender/), 'woman');
    await user.selectOptions(screen.getByLabelText(/^Faith in recovery/), 'secular');
    await user.type(screen.getByLabelText(/^Other languages you speak/), 'ES');
    await user.click(screen.getByRole('checkbox', { name: 'Being about my age' }));
    await user.click(screen.getByRole('checkbox', { name: 'Walking the same road to recovery' }));
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));

    expect(await screen.findByText('Your preferences are saved.')).toBeInTheDocument();
    const [request] = mock.calls('PUT /participants/{participant_id}/matching-preferences');
    expect(request!.headers.get('If-Match')).toBe('"m-0"');
    expect(await request!.json()).toEqual({
      gender_preference: 'woman',
      languages: ['es'],
      faith_preference: 'secular',
      veteran: false,
      justice_involved: false,
      wants_lgbtq_affirming: false,
      region: null,
      priorities: ['recovery_pathway', 'life_stage'],
    });
  });

  it('refuses a language that is not a code before sending, and keeps what was typed on 412', async () => {
    const mock = mockApi({
      ...routes(),
      'GET /participants/{participant_id}/matches': () => json(page([])),
      'GET /participants/{participant_id}/matching-preferences': [
        () => json(makePreferences(), 200, { ETag: '"m-0"' }),
        () => json(makePreferences({ region: 'Southeast Portland' }), 200, { ETag: '"m-1"' }),
      ],
      'PUT /participants/{participant_id}/matching-preferences': [
        () => problem(412, 'The preferences were changed by someone else; reload them and try again.'),
        () => json(makePreferences({ veteran: true }), 200, { ETag: '"m-2"' }),
      ],
    });
    const { user } = renderApp({ path: '/me/match' });

    await user.type(await screen.findByLabelText(/^Other languages you speak/), 'Spanish');
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(screen.getByLabelText(/^Other languages you speak/)).toHaveAccessibleDescription(/“spanish” is not one/);
    expect(mock.calls('PUT /participants/{participant_id}/matching-preferences')).toHaveLength(0);

    await user.clear(screen.getByLabelText(/^Other languages you speak/));
    await user.click(screen.getByRole('checkbox', { name: 'I have served in the military' }));
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('changed somewhere else');
    expect(screen.getByRole('checkbox', { name: 'I have served in the military' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(await screen.findByText('Area: Southeast Portland')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save preferences' }));
    await screen.findByText('Your preferences are saved.');
    const puts = mock.calls('PUT /participants/{participant_id}/matching-preferences');
    expect(puts.map((request) => request.headers.get('If-Match'))).toEqual(['"m-0"', '"m-1"']);
  });
});
