import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { ConsentsSection } from './consents-section';

const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

function makeConsent(overrides: Partial<Schemas['ConsentRead']> = {}): Schemas['ConsentRead'] {
  return {
    id: 'consent-1',
    participant_id: PARTICIPANT_ID,
    kind: 'disclosure',
    status: 'active',
    signed_at: '2026-01-10T15:00:00Z',
    signature: 'Jose Ramirez',
    discloser: 'Riverbend Recovery Community',
    recipient_name: 'County Drug Court',
    recipient_client_id: null,
    information_categories: ['outcomes', 'check_ins'],
    purpose: 'Progress reports for the court',
    expires_at: '2026-12-31T23:59:59Z',
    expiry_event: null,
    created_at: '2026-01-10T15:00:00Z',
    revoked_at: null,
    revocation_reason: null,
    ...overrides,
  };
}

function renderSection() {
  return renderApp({
    path: '/',
    routes: [
      {
        path: '/',
        element: <ConsentsSection participantId={PARTICIPANT_ID} participantName="Jose" canEdit />,
      },
    ],
  });
}

describe('ConsentsSection', () => {
  it('lists consents with their status in words', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/consents': () =>
        json({
          items: [
            makeConsent({ id: 'enrol', kind: 'enrolment', recipient_name: null, information_categories: [], purpose: null }),
            makeConsent(),
            makeConsent({ id: 'old', status: 'revoked', recipient_name: 'Old Employer', revoked_at: '2026-02-01T00:00:00Z', revocation_reason: 'Changed jobs' }),
          ],
          next_cursor: null,
        }),
    });
    renderSection();

    const court = (await screen.findByRole('heading', { name: 'Disclosure to County Drug Court' })).closest('li')!;
    expect(within(court).getByText('Active')).toBeInTheDocument();
    expect(within(court).getByText('Outcomes, Check-ins')).toBeInTheDocument();
    const old = screen.getByRole('heading', { name: 'Disclosure to Old Employer' }).closest('li')!;
    expect(within(old).getByText('Revoked')).toBeInTheDocument();
    expect(within(old).getByText(/Changed jobs/)).toBeInTheDocument();
    // A revoked consent is final: it cannot be revoked again.
    expect(within(old).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revoke enrolment consent' })).toBeInTheDocument();
  });

  it('asks for confirmation before revoking, explaining that it is immediate and final', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/consents': [
        () => json({ items: [makeConsent()], next_cursor: null }),
        () => json({ items: [makeConsent({ status: 'revoked', revoked_at: '2026-03-01T00:00:00Z' })], next_cursor: null }),
      ],
      'POST /consents/{consent_id}/revoke': () =>
        json(makeConsent({ status: 'revoked', revoked_at: '2026-03-01T00:00:00Z' })),
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Revoke disclosure to County Drug Court' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke this consent?' });
    expect(dialog).toHaveAccessibleDescription(/takes effect now and is final/);
    expect(within(dialog).getByRole('button', { name: 'Keep the consent' })).toHaveFocus();
    expect(mock.calls('POST /consents/{consent_id}/revoke')).toHaveLength(0);

    // Keeping it sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Keep the consent' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mock.calls('POST /consents/{consent_id}/revoke')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke disclosure to County Drug Court' }));
    const again = screen.getByRole('dialog', { name: 'Revoke this consent?' });
    await user.type(within(again).getByLabelText(/Reason/), 'No longer in the court program');
    await user.click(within(again).getByRole('button', { name: 'Revoke consent' }));

    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [request] = mock.calls('POST /consents/{consent_id}/revoke');
    expect(new URL(request!.url).pathname).toBe('/api/v1/consents/consent-1/revoke');
    expect(await request!.json()).toEqual({ reason: 'No longer in the court program' });
  });

  it('warns that revoking the enrolment consent withdraws the participant', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/consents': () =>
        json({ items: [makeConsent({ kind: 'enrolment', recipient_name: null })], next_cursor: null }),
    });
    const { user } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Revoke enrolment consent' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('also withdraws Jose from the program');
  });

  it('records a disclosure consent with the elements Part 2 asks for', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /participants/{participant_id}/consents': () => json({ items: [], next_cursor: null }),
      'POST /participants/{participant_id}/consents': [
        () =>
          problem(422, 'The request is not valid.', {
            errors: [{ loc: ['body'], msg: 'Value error, a consent cannot be signed in the future', type: 'value_error' }],
          }),
        () => json(makeConsent(), 201),
      ],
    });
    const { user } = renderSection();

    await user.click(await screen.findByRole('button', { name: 'Record a disclosure consent' }));
    await user.click(screen.getByRole('button', { name: 'Save consent' }));
    expect(screen.getByLabelText(/^Recipient/)).toHaveAccessibleDescription(/Name who will receive/);
    expect(screen.getByRole('group', { name: /Information to share/ })).toHaveAccessibleDescription(/at least one/);
    expect(mock.calls('POST /participants/{participant_id}/consents')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Recipient/), 'County Drug Court');
    await user.click(screen.getByRole('checkbox', { name: 'Outcomes' }));
    await user.click(screen.getByRole('checkbox', { name: 'Substance use history' }));
    await user.type(screen.getByLabelText(/^Purpose/), 'Progress reports');
    await user.type(screen.getByLabelText(/^Ending event/), 'the court case closes');
    await user.type(screen.getByLabelText(/^Signature/), 'Jose Ramirez');
    await user.click(screen.getByRole('button', { name: 'Save consent' }));

    // A problem about no single field is shown with the form, not lost.
    expect(await screen.findByRole('alert')).toHaveTextContent('A consent cannot be signed in the future');
    expect(screen.getByLabelText(/^Recipient/)).toHaveValue('County Drug Court');

    await user.click(screen.getByRole('button', { name: 'Save consent' }));
    const bodies = await Promise.all(mock.calls('POST /participants/{participant_id}/consents').map((r) => r.json()));
    expect(bodies[1]).toMatchObject({
      kind: 'disclosure',
      recipient_name: 'County Drug Court',
      information_categories: ['outcomes', 'substance_use_history'],
      purpose: 'Progress reports',
      expires_at: null,
      expiry_event: 'the court case closes',
      signature: 'Jose Ramirez',
    });
    expect(new Date(bodies[1].signed_at).toString()).not.toBe('Invalid Date');
  });
});
