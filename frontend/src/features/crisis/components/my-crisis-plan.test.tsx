import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { readStoredCrisisPlan, storeCrisisPlan } from '../crisis-plan-cache';
import { DR_OKAFOR, makeCrisisPlan, PARTICIPANT_ID } from '../testing/crisis-data';

function contactsList() {
  return screen.findByRole('list', { name: 'My contacts, in the order to call them' });
}

describe('My crisis plan', () => {
  it('shows the contacts with Call links and the safety plan, and keeps a copy on the device', async () => {
    mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => json(makeCrisisPlan(), 200, { ETag: '"plan-1"' }),
    });
    renderApp({ path: '/me/crisis-plan' });

    expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' })).toBeInTheDocument();
    const list = await contactsList();
    expect(within(list).getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline at 988' })).toHaveAttribute('href', 'tel:988');
    expect(within(list).getByRole('link', { name: 'Text 988 Suicide & Crisis Lifeline at 988' })).toHaveAttribute('href', 'sms:988');
    expect(within(list).getByRole('link', { name: 'Call Lucía Morales at (503) 555-0191' })).toBeInTheDocument();
    // 988 also stands beside "I need help now", large.
    expect(screen.getAllByRole('link', { name: 'Call 988' })[0]).toHaveAttribute('href', 'tel:988');
    expect(screen.getByRole('heading', { level: 3, name: 'Step 1: My warning signs' })).toBeInTheDocument();
    expect(screen.getByText('Skipping Mass two Sundays in a row')).toBeInTheDocument();

    expect(readStoredCrisisPlan(PARTICIPANT_ID)).toMatchObject({ etag: '"plan-1"', plan: makeCrisisPlan() });
  });

  it('revalidates the saved copy with If-None-Match and keeps it on 304', async () => {
    storeCrisisPlan(PARTICIPANT_ID, { plan: makeCrisisPlan(), etag: '"plan-1"', checkedAt: '2026-03-01T10:00:00Z' });
    const mock = mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => new Response(null, { status: 304, headers: { ETag: '"plan-1"' } }),
    });
    renderApp({ path: '/me/crisis-plan' });

    await contactsList();
    await screen.findByRole('checkbox', { name: `My support team may contact ${DR_OKAFOR.name}` });
    const [request] = mock.calls('GET /me/crisis-plan');
    expect(request!.headers.get('If-None-Match')).toBe('"plan-1"');
    expect(screen.queryByText(/copy saved on this device/)).not.toBeInTheDocument();
    expect(readStoredCrisisPlan(PARTICIPANT_ID)?.checkedAt).not.toBe('2026-03-01T10:00:00Z');
  });

  it('shows the copy saved on the device when the server cannot be reached', async () => {
    storeCrisisPlan(PARTICIPANT_ID, { plan: makeCrisisPlan(), etag: '"plan-1"', checkedAt: '2026-03-01T10:00:00Z' });
    mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderApp({ path: '/me/crisis-plan' });

    expect(await screen.findByText(/You are seeing the copy saved on this device/)).toBeInTheDocument();
    const list = await contactsList();
    expect(within(list).getByRole('link', { name: 'Call Lucía Morales at (503) 555-0191' })).toBeInTheDocument();
    // Choices need the server.
    expect(screen.getByRole('checkbox', { name: `My support team may contact ${DR_OKAFOR.name}` })).toBeDisabled();
  });

  it('says so, and still shows 988, when nothing is saved and the plan cannot be loaded', async () => {
    mockApi({ ...signedInRoutes('participant'), 'GET /me/crisis-plan': () => problem(500, 'Internal error') });
    renderApp({ path: '/me/crisis-plan' });

    expect(await screen.findByText(/Your crisis plan could not be loaded\. You can always call or text 988\./)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Call 988' }).length).toBeGreaterThan(0);
  });

  it('lets the participant decide who their support team may contact', async () => {
    const allowed = makeCrisisPlan({
      contacts: makeCrisisPlan().contacts.map((contact) => (contact.id === DR_OKAFOR.id ? { ...contact, may_contact: true } : contact)),
    });
    const mock = mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': [() => json(makeCrisisPlan(), 200, { ETag: '"plan-1"' }), () => json(allowed, 200, { ETag: '"plan-2"' })],
      'PATCH /crisis-contacts/{contact_id}': () => json({ ...DR_OKAFOR, may_contact: true }, 200, { ETag: '"okafor-v2"' }),
    });
    const { user } = renderApp({ path: '/me/crisis-plan' });

    const box = await screen.findByRole('checkbox', { name: `My support team may contact ${DR_OKAFOR.name}` });
    expect(box).not.toBeChecked();
    // 988 and the matched specialist are not a choice.
    expect(screen.queryByRole('checkbox', { name: /988/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Lucía/ })).not.toBeInTheDocument();

    await user.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(mock.calls('PATCH /crisis-contacts/{contact_id}')).toHaveLength(1));
    const [request] = mock.calls('PATCH /crisis-contacts/{contact_id}');
    expect(new URL(request!.url).pathname).toBe(`/api/v1/crisis-contacts/${DR_OKAFOR.id}`);
    expect(request!.headers.get('If-Match')).toBe('*');
    expect(await request!.json()).toEqual({ may_contact: true });
    expect(await screen.findByRole('checkbox', { name: `My support team may contact ${DR_OKAFOR.name}` })).toBeChecked();
    expect(readStoredCrisisPlan(PARTICIPANT_ID)?.etag).toBe('"plan-2"');
  });

  it('removes the copy from the device when the participant signs out', async () => {
    mockApi({
      ...signedInRoutes('participant'),
      'GET /me/crisis-plan': () => json(makeCrisisPlan(), 200, { ETag: '"plan-1"' }),
    });
    const { user } = renderApp({ path: '/me/crisis-plan' });
    await contactsList();
    expect(readStoredCrisisPlan(PARTICIPANT_ID)).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(readStoredCrisisPlan(PARTICIPANT_ID)).toBeNull();
  });
});
