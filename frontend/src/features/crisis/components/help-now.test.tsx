import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { storeCrisisPlan } from '../crisis-plan-cache';
import { ANA, CONTACTS, DR_OKAFOR, LIFELINE, makeCrisisPlan, PARTICIPANT_ID, SPECIALIST } from '../testing/crisis-data';

const HELP_IS_COMING =
  'Your specialist has been alerted. You can call any of these contacts now. If you are in danger, call or text 988 (Suicide & Crisis Lifeline) or call 911.';

function crisisEvent() {
  return {
    id: 'event-1',
    participant_id: PARTICIPANT_ID,
    created_at: '2026-03-02T15:00:00Z',
    alert_id: 'alert-1',
    message: HELP_IS_COMING,
    contacts: CONTACTS,
  };
}

/** A response that waits until the test lets it go. */
function held<T>(answer: () => T) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { handler: async () => { await gate; return answer(); }, release: () => release() };
}

function storeJosesPlan() {
  storeCrisisPlan(PARTICIPANT_ID, { plan: makeCrisisPlan(), etag: '"plan-1"', checkedAt: '2026-03-01T10:00:00Z' });
}

function panel() {
  return screen.getByRole('region', { name: 'You are not alone. Call someone now.' });
}

describe('"I need help now"', () => {
  it('shows 988 and the saved contacts at once, before the server answers, then its message', async () => {
    storeJosesPlan();
    const answer = held(() => json(crisisEvent(), 201));
    const mock = mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => new Response(null, { status: 304, headers: { ETag: '"plan-1"' } }),
      'POST /participants/{participant_id}/crisis-events': answer.handler,
    });
    const { user } = renderApp({ path: '/me/crisis-plan' });

    await user.click(await screen.findByRole('button', { name: 'I need help now' }));

    // Nothing has come back yet: 988 and the contacts are there all the same.
    const help = panel();
    expect(help).toHaveFocus();
    expect(within(help).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    expect(within(help).getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
    expect(within(help).getByRole('link', { name: 'Call Lucía Morales at (503) 555-0191' })).toHaveAttribute(
      'href',
      'tel:+15035550191',
    );
    expect(within(help).getByRole('link', { name: `Call ${ANA.name} at (503) 555-0121` })).toBeInTheDocument();
    expect(within(help).getByRole('link', { name: `Call ${DR_OKAFOR.name} at (503) 555-0123` })).toBeInTheDocument();
    expect(within(help).getByRole('status')).toHaveTextContent('Letting your peer specialist know…');

    answer.release();
    expect(await within(help).findByText(HELP_IS_COMING)).toBeInTheDocument();
    const [request] = mock.calls('POST /participants/{participant_id}/crisis-events');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/participants/${PARTICIPANT_ID}/crisis-events`);
    expect(request!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request!.json()).toEqual({});
  });

  it('keeps 988 and the contacts when the request fails, says to call directly, and retries with the same key', async () => {
    storeJosesPlan();
    const mock = mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => new Response(null, { status: 304, headers: { ETag: '"plan-1"' } }),
      'POST /participants/{participant_id}/crisis-events': [
        () => {
          throw new TypeError('Failed to fetch');
        },
        () => problem(500, 'Internal error'),
        () => problem(502, 'Bad gateway'),
        () => json(crisisEvent(), 201),
      ],
    });
    const { user } = renderApp({ path: '/me/crisis-plan' });

    await user.click(await screen.findByRole('button', { name: 'I need help now' }));
    const help = panel();
    // Two automatic retries (1 s, then 2 s), then the advice to call.
    expect(
      await within(help).findByText(/We could not reach your support team just now\. Please call one of these contacts directly/, {}, { timeout: 6000 }),
    ).toBeInTheDocument();
    expect(within(help).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    expect(within(help).getByRole('link', { name: `Call ${ANA.name} at (503) 555-0121` })).toBeInTheDocument();

    await user.click(within(help).getByRole('button', { name: 'Try again to alert my peer specialist' }));
    expect(await within(help).findByText(HELP_IS_COMING)).toBeInTheDocument();

    const keys = mock.calls('POST /participants/{participant_id}/crisis-events').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  }, 10_000);

  it('shows the server’s advice and 988 when the database is down (503 with contacts), with nothing saved on the device', async () => {
    mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => problem(503, 'The service is unavailable.'),
      'POST /participants/{participant_id}/crisis-events': () =>
        problem(503, 'The service is unavailable.', {
          message: 'Your request could not be recorded right now. If you are in danger or thinking about suicide, call or text 988 (Suicide & Crisis Lifeline), or call 911.',
          contacts: [{ ...LIFELINE, id: 'lifeline-fallback', position: 0 }],
        }),
    });
    const { user } = renderApp({ path: '/me/plan' });

    await user.click(await screen.findByRole('button', { name: 'I need help now' }));
    const help = panel();
    // The built-in 988 is there before anything is known.
    expect(within(help).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    expect(
      await within(help).findByText(/Your request could not be recorded right now/, {}, { timeout: 6000 }),
    ).toHaveTextContent(/Please call one of these contacts directly/);
    expect(within(help).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  }, 10_000);

  it('answers with the server’s contacts when none were saved on the device', async () => {
    mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => held(() => json(makeCrisisPlan())).handler(),
      'POST /participants/{participant_id}/crisis-events': () => json({ ...crisisEvent(), contacts: [SPECIALIST, LIFELINE] }, 201),
    });
    const { user } = renderApp({ path: '/me/plan' });

    await user.click(await screen.findByRole('button', { name: 'I need help now' }));
    const help = panel();
    expect(within(help).getByRole('link', { name: 'Call 988' })).toBeInTheDocument();
    expect(await within(help).findByRole('link', { name: 'Call Lucía Morales at (503) 555-0191' })).toBeInTheDocument();
  });
});
