import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { EncountersSection } from './encounters-section';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

function makeEncounter(overrides: Partial<Schemas['EncounterRead']> = {}): Schemas['EncounterRead'] {
  return {
    id: 'enc-1',
    participant_id: PARTICIPANT_ID,
    author_user_id: 'someone-else',
    mode: 'phone',
    started_at: '2026-03-02T15:00:00Z',
    minutes: 38,
    dimensions: ['home', 'community'],
    referrals: ['Housing First intake'],
    note: null,
    note_visible: false,
    billable_units: 3,
    created_at: '2026-03-02T16:00:00Z',
    updated_at: '2026-03-02T16:00:00Z',
    ...overrides,
  };
}

function renderSection(canLog = true) {
  return renderApp({
    path: '/',
    routes: [{ path: '/', element: <EncountersSection participantId={PARTICIPANT_ID} canLog={canLog} /> }],
  });
}

describe('EncountersSection', () => {
  it('says when a note is withheld, and shows the notes the reader may see', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/encounters': () =>
        json({
          items: [
            makeEncounter(),
            makeEncounter({ id: 'enc-2', mode: 'in_person', note: 'Talked through the housing forms.', note_visible: true, referrals: [] }),
          ],
          next_cursor: null,
        }),
    });
    renderSection();

    const phone = (await screen.findByRole('heading', { name: /^Phone ·/ })).closest('li')!;
    expect(within(phone).getByText('Note visible only to its author and supervisors')).toBeInTheDocument();
    expect(within(phone).getByText('38 minutes · 3 billable units')).toBeInTheDocument();
    expect(within(phone).getByText('Home, Community')).toBeInTheDocument();
    expect(within(phone).getByText('Housing First intake')).toBeInTheDocument();

    const inPerson = screen.getByRole('heading', { name: /^In person ·/ }).closest('li')!;
    expect(within(inPerson).getByText('Talked through the housing forms.')).toBeInTheDocument();
    expect(within(inPerson).queryByText(/visible only/)).not.toBeInTheDocument();
  });

  it('logs an encounter and shows the billable units the server worked out', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/encounters': () => json({ items: [], next_cursor: null }),
      'POST /participants/{participant_id}/encounters': () =>
        json(makeEncounter({ minutes: 53, billable_units: 4, note_visible: true }), 201),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Log an encounter' }));
    await user.click(screen.getByRole('button', { name: 'Save encounter' }));
    expect(screen.getByLabelText(/^Mode/)).toHaveAccessibleDescription(/Choose how you met/);
    expect(screen.getByLabelText(/^Minutes/)).toHaveAccessibleDescription(/from 1 to 720/);
    expect(mock.calls('POST /participants/{participant_id}/encounters')).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText(/^Mode/), 'video');
    await user.clear(screen.getByLabelText(/^Started at/));
    await user.type(screen.getByLabelText(/^Started at/), '2026-03-04T10:30');
    await user.type(screen.getByLabelText(/^Minutes/), '53');
    await user.click(screen.getByRole('checkbox', { name: 'Health' }));
    await user.click(screen.getByRole('checkbox', { name: 'Purpose' }));
    await user.type(screen.getByLabelText('Referral 1'), 'SMART Recovery meeting');
    await user.click(screen.getByRole('button', { name: 'Add a referral' }));
    await user.type(screen.getByLabelText('Referral 2'), 'Job centre');
    await user.type(screen.getByLabelText(/^Note/), 'Planned the week.');
    await user.click(screen.getByRole('button', { name: 'Save encounter' }));

    expect(await screen.findByText('Encounter saved: 53 minutes, 4 billable units.')).toBeInTheDocument();
    const [request] = mock.calls('POST /participants/{participant_id}/encounters');
    expect(await request!.json()).toEqual({
      mode: 'video',
      started_at: new Date('2026-03-04T10:30').toISOString(),
      minutes: 53,
      dimensions: ['health', 'purpose'],
      referrals: ['SMART Recovery meeting', 'Job centre'],
      note: 'Planned the week.',
    });
  });

  it('offers no form to those who may only read', async () => {
    mockApi({
      ...signedInRoutes('admin'),
      'GET /participants/{participant_id}/encounters': () => json({ items: [makeEncounter()], next_cursor: null }),
    });
    renderSection(false);
    expect(await screen.findByText('Note visible only to its author and supervisors')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log an encounter' })).not.toBeInTheDocument();
  });
});
