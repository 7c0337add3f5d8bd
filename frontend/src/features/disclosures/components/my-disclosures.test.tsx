import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeUser, signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import type { Disclosure } from '../api/get-disclosures';

const ME = makeUser('participant');
const LIST = 'GET /participants/{participant_id}/disclosures';

function disclosure(overrides: Partial<Disclosure>): Disclosure {
  return {
    id: 'd-1',
    participant_id: ME.participant_id ?? '',
    kind: 'consented',
    recipient_name: 'State Opioid Response evaluation team',
    recipient_facility: null,
    information_categories: ['outcomes'],
    description: 'Outcome survey records, under a pseudonym, by API export.',
    nature_of_emergency: null,
    purpose: 'Evaluating whether peer recovery support improves recovery outcomes.',
    consent_id: 'c-1',
    recipient_client_id: '5e1f0a3c-9d2b-4c7e-8f60-000000000988',
    disclosed_by_user_id: null,
    disclosed_at: '2026-03-02T15:30:00Z',
    created_at: '2026-03-02T15:30:00Z',
    ...overrides,
  };
}

const EMERGENCY = disclosure({
  id: 'd-2',
  kind: 'emergency',
  recipient_name: 'Dr. Amara Osei',
  recipient_facility: 'St. Vincent Emergency Department',
  information_categories: [],
  description: 'That he takes buprenorphine.',
  nature_of_emergency: 'Chest pain and confusion at the drop-in centre.',
  purpose: null,
  consent_id: null,
  recipient_client_id: null,
  disclosed_at: '2026-03-05T02:10:00Z',
});

describe('My disclosures', () => {
  it('says to whom, when, what and why for each disclosure, an emergency one in plain words', async () => {
    const mock = mockApi({
      ...signedInRoutes('participant'),
      [LIST]: [
        () => json({ items: [EMERGENCY], next_cursor: 'page-2' }),
        () => json({ items: [disclosure({})], next_cursor: null }),
      ],
    });
    const { user } = renderApp({ path: '/me/disclosures' });

    expect(await screen.findByRole('heading', { level: 1, name: 'My disclosures' })).toBeInTheDocument();
    const emergency = await screen.findByRole('article', { name: 'To Dr. Amara Osei, St. Vincent Emergency Department' });
    expect(within(emergency).getByText('In a medical emergency')).toBeInTheDocument();
    expect(within(emergency).getByText('That he takes buprenorphine.')).toBeInTheDocument();
    expect(within(emergency).getByText('Chest pain and confusion at the drop-in centre.')).toBeInTheDocument();
    expect(within(emergency).getByText(/the law lets the program tell the medical staff treating you what they need to know/)).toBeInTheDocument();
    expect(within(emergency).getByText(/2026/, { selector: 'time' })).toHaveAttribute('datetime', EMERGENCY.disclosed_at);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    const consented = await screen.findByRole('article', { name: 'To State Opioid Response evaluation team' });
    expect(within(consented).getByText('With your consent')).toBeInTheDocument();
    expect(within(consented).getByText(/Your outcome survey answers\./)).toBeInTheDocument();
    expect(within(consented).getByText('Sent electronically, with a code in place of your name.')).toBeInTheDocument();
    expect(within(consented).getByText('Evaluating whether peer recovery support improves recovery outcomes.')).toBeInTheDocument();
    expect(within(consented).getByText(/take back your consent at any time/)).toBeInTheDocument();
    expect(screen.getByText('Showing all 2.')).toBeInTheDocument();

    // The signed-in participant's own accounting.
    expect(new URL(mock.calls(LIST)[0]!.url).pathname).toBe(`/api/v1/participants/${ME.participant_id}/disclosures`);
    expect(new URL(mock.calls(LIST)[1]!.url).searchParams.get('cursor')).toBe('page-2');
    expect(mock.unhandled).toEqual([]);
  });

  it('says so when nothing has been shared', async () => {
    mockApi({ ...signedInRoutes('participant'), [LIST]: () => json({ items: [], next_cursor: null }) });
    renderApp({ path: '/me/disclosures' });
    expect(await screen.findByRole('heading', { name: 'Your information has not been shared outside the program' })).toBeInTheDocument();
  });
});
