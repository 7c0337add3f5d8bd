import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { ParticipantSummary } from './participant-summary';
import { ProfileSection } from './profile-section';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

function makeParticipant(overrides: Partial<Schemas['ParticipantRead']> = {}): Schemas['ParticipantRead'] {
  return {
    id: PARTICIPANT_ID,
    organisation_id: '00000000-0000-4000-8000-0000000000aa',
    preferred_name: 'Jose',
    legal_name: 'José Ramírez',
    pronouns: 'he/him',
    email: null,
    phone: '555-0142',
    primary_language: 'es',
    gender_identity: null,
    birth_year: 1988,
    substances: ['opioids'],
    recovery_pathways: ['moud_buprenorphine'],
    recovery_start_date: '2025-01-01',
    strengths: ['Good with his hands'],
    status: 'active',
    risk_level: 'elevated',
    days_in_recovery: 412,
    days_since_last_reported_use: 20,
    last_reported_use_at: '2026-02-12T12:00:00Z',
    enrolled_at: '2025-01-03T12:00:00Z',
    withdrawn_at: null,
    withdrawal_reason: null,
    created_at: '2025-01-03T12:00:00Z',
    updated_at: '2026-02-12T12:00:00Z',
    ...overrides,
  };
}

function renderProfile() {
  return renderApp({
    path: '/',
    routes: [{ path: '/', element: <ProfileSection participantId={PARTICIPANT_ID} canEdit /> }],
  });
}

describe('ParticipantSummary', () => {
  it('shows days in recovery and, separately and plainly, the last reported use', () => {
    renderApp({
      path: '/',
      routes: [{ path: '/', element: <ParticipantSummary participant={makeParticipant()} /> }],
    });
    expect(screen.getByText('412 days in recovery')).toBeInTheDocument();
    expect(screen.getByText('Last reported use: 20 days ago')).toBeInTheDocument();
    expect(screen.getByText('Elevated risk')).toBeInTheDocument();
    expect(screen.queryByText(/streak|reset/i)).not.toBeInTheDocument();
  });

  it('says nothing about use when none was reported', () => {
    renderApp({
      path: '/',
      routes: [
        {
          path: '/',
          element: <ParticipantSummary participant={makeParticipant({ days_since_last_reported_use: null, days_in_recovery: 1 })} />,
        },
      ],
    });
    expect(screen.getByText('1 day in recovery')).toBeInTheDocument();
    expect(screen.queryByText(/Last reported use/)).not.toBeInTheDocument();
  });
});

describe('ProfileSection', () => {
  it('saves only what changed, with the If-Match of the version read', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}': () => json(makeParticipant(), 200, { ETag: '"p-v1"' }),
      'PATCH /participants/{participant_id}': () =>
        json(makeParticipant({ phone: '555-0199' }), 200, { ETag: '"p-v2"' }),
    });
    const { user } = renderProfile();

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    await user.clear(screen.getByLabelText(/^Phone/));
    await user.type(screen.getByLabelText(/^Phone/), '555-0199');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('555-0199')).toBeInTheDocument();
    const [patch] = mock.calls('PATCH /participants/{participant_id}');
    expect(patch!.headers.get('If-Match')).toBe('"p-v1"');
    expect(await patch!.json()).toEqual({ phone: '555-0199' });
  });

  it('on 412 keeps what was typed, offers the latest version, and saves against it', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}': [
        () => json(makeParticipant(), 200, { ETag: '"p-v1"' }),
        () => json(makeParticipant({ pronouns: 'they/them' }), 200, { ETag: '"p-v2"' }),
      ],
      'PATCH /participants/{participant_id}': [
        () => problem(412, 'The resource was changed by someone else; reload it and try again.'),
        () => json(makeParticipant({ pronouns: 'they/them', phone: '555-0199' }), 200, { ETag: '"p-v3"' }),
      ],
    });
    const { user } = renderProfile();

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    await user.clear(screen.getByLabelText(/^Phone/));
    await user.type(screen.getByLabelText(/^Phone/), '555-0199');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this profile');
    expect(screen.getByLabelText(/^Phone/)).toHaveValue('555-0199');

    await user.click(screen.getByRole('button', { name: 'Load the latest version' }));
    expect(await screen.findByText('Pronouns: they/them')).toBeInTheDocument();
    // Still what they typed, and the field they did not touch is not sent back.
    expect(screen.getByLabelText(/^Phone/)).toHaveValue('555-0199');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('button', { name: 'Edit profile' })).toBeInTheDocument();
    const patches = mock.calls('PATCH /participants/{participant_id}');
    expect(patches.map((request) => request.headers.get('If-Match'))).toEqual(['"p-v1"', '"p-v2"']);
    expect(await patches[1]!.json()).toEqual({ phone: '555-0199' });
  });
});
