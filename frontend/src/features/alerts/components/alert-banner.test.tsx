import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeAlert, MockEventSource } from '../testing/alert-data';

function ticket(value: string) {
  return () => json({ ticket: value, expires_at: new Date(Date.now() + 60_000).toISOString() }, 201);
}

beforeEach(() => {
  MockEventSource.instances = [];
  vi.stubGlobal('EventSource', MockEventSource);
});

describe('live alert banner', () => {
  it('opens the stream with a one-time ticket, announces a new alert and refreshes the list', async () => {
    const alert = makeAlert();
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /alerts': [() => json({ items: [], next_cursor: null }), () => json({ items: [], next_cursor: null }), () => json({ items: [alert], next_cursor: null })],
      'POST /alerts/stream-ticket': ticket('ticket-1'),
    });
    const { user } = renderApp({ path: '/alerts' });

    expect(await screen.findByText('Nothing needs you right now.')).toBeInTheDocument();
    await waitFor(() => expect(MockEventSource.instances).toHaveLength(1));
    const stream = MockEventSource.latest();
    expect(new URL(stream.url).pathname).toBe('/api/v1/alerts/stream');
    expect(new URL(stream.url).searchParams.get('ticket')).toBe('ticket-1');
    expect(screen.queryByRole('region', { name: 'New alert' })).not.toBeInTheDocument();

    act(() => stream.open());
    expect(await screen.findByText('Live: new alerts appear here as they arrive.')).toBeInTheDocument();
    // (Re)connected: whatever happened before is read again.
    await waitFor(() => expect(mock.calls('GET /alerts')).toHaveLength(2));

    act(() => stream.emit('alert', alert));
    const banner = await screen.findByRole('region', { name: 'New alert' });
    expect(banner).toHaveTextContent('New alert: José Ramírez — asked for help now');
    expect(within(banner).getByRole('link', { name: 'Open the alerts' })).toHaveAttribute('href', '/alerts');
    expect(banner.parentElement).toHaveAttribute('aria-live', 'assertive');
    // The list shows it without a reload.
    expect(await screen.findByRole('button', { name: 'Acknowledge the alert for José Ramírez' })).toBeInTheDocument();

    await user.click(within(banner).getByRole('button', { name: 'Dismiss the new alert notice' }));
    expect(screen.queryByRole('region', { name: 'New alert' })).not.toBeInTheDocument();
  });

  it('says "high risk check-in", counts further alerts, and marks an escalation', async () => {
    mockApi({
      ...signedInRoutes('supervisor'),
      'GET /participants': () => json({ items: [], next_cursor: null }),
      'GET /caseload': () => json({ items: [], next_cursor: null }),
      'GET /specialists': () => json({ items: [], next_cursor: null }),
      'POST /alerts/stream-ticket': ticket('ticket-1'),
    });
    renderApp({ path: '/participants' });

    await waitFor(() => expect(MockEventSource.instances).toHaveLength(1));
    const stream = MockEventSource.latest();
    act(() => {
      stream.open();
      stream.emit('alert', makeAlert({ id: 'a-1', participant_preferred_name: 'Darnell Brooks', severity: 'high', source: 'check_in' }));
    });
    const banner = await screen.findByRole('region', { name: 'New alert' });
    expect(banner).toHaveTextContent('New alert: Darnell Brooks — high risk check-in');

    act(() => stream.emit('alert', makeAlert({ id: 'a-2', escalated_at: new Date().toISOString() })));
    expect(banner).toHaveTextContent('Escalated alert: José Ramírez — asked for help now (and 1 more new alert)');
  });

  it('reconnects with a fresh ticket when the stream drops', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /alerts': () => json({ items: [], next_cursor: null }),
      'POST /alerts/stream-ticket': [ticket('ticket-1'), ticket('ticket-2')],
    });
    renderApp({ path: '/alerts' });

    await waitFor(() => expect(MockEventSource.instances).toHaveLength(1));
    const first = MockEventSource.latest();
    act(() => first.open());
    await screen.findByText('Live: new alerts appear here as they arrive.');

    act(() => first.fail());
    expect(first.closed).toBe(true);
    expect(await screen.findByText(/Live alerts paused: reconnecting/)).toBeInTheDocument();

    // After a second, a new ticket and a new stream.
    await waitFor(() => expect(MockEventSource.instances).toHaveLength(2), { timeout: 3000 });
    const second = MockEventSource.latest();
    expect(new URL(second.url).searchParams.get('ticket')).toBe('ticket-2');
    expect(mock.calls('POST /alerts/stream-ticket')).toHaveLength(2);
    const before = mock.calls('GET /alerts').length;
    act(() => second.open());
    await screen.findByText('Live: new alerts appear here as they arrive.');
    await waitFor(() => expect(mock.calls('GET /alerts').length).toBeGreaterThan(before));
  });

  it('closes the stream on sign-out', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /alerts': () => json({ items: [], next_cursor: null }),
      'POST /alerts/stream-ticket': ticket('ticket-1'),
    });
    const { user } = renderApp({ path: '/alerts' });
    await waitFor(() => expect(MockEventSource.instances).toHaveLength(1));
    const stream = MockEventSource.latest();
    act(() => stream.open());

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(stream.closed).toBe(true);
  });

  it('is not there for participants', async () => {
    const mock = mockApi({ ...signedInRoutes('participant'), 'GET /me/crisis-plan': () => json({}, 500) });
    renderApp({ path: '/me/check-in' });
    await screen.findByRole('heading', { level: 1, name: 'Check in' });
    expect(MockEventSource.instances).toHaveLength(0);
    expect(mock.unhandled.filter((key) => key.includes('stream-ticket'))).toEqual([]);
  });
});
