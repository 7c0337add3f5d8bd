import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import type { AccessLogEntry } from '../api/get-access-log';
import { describeAction, describeOutcome, describeRole } from './access-log-labels';

function entry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    occurred_at: '2026-03-02T15:30:00Z',
    actor_name: 'Marcus Bell',
    actor_role: 'specialist',
    action: 'read_participant',
    outcome: 'success',
    ...overrides,
  };
}

describe('access log', () => {
  it('words actions, roles and outcomes for the participant, with a fallback for unknown actions', () => {
    expect(describeAction('read_participant')).toBe('Viewed your profile');
    expect(describeAction('list_check_ins')).toBe('Viewed your check-ins');
    expect(describeAction('read_check_in_trend')).toBe('Viewed your check-ins over time');
    expect(describeAction('add_goal')).toBe('Added a goal to your plan');
    expect(describeAction('read_housing_history')).toBe('Viewed housing history');
    expect(describeAction('escalate_alerts')).toBe('Escalate alerts');
    expect(describeAction('')).toBe('Opened your record');
    expect(describeRole('specialist')).toBe('Peer specialist');
    expect(describeRole('auditor')).toBe('Auditor');
    expect(describeRole(null)).toBeNull();
    expect(describeOutcome('denied')).toBe('Blocked: they were not allowed');
  });

  it('lists who opened the record, what they did and the result, and shows more on request', async () => {
    const mock = mockApi({
      ...signedInRoutes('participant'),
      'GET /me/access-log': [
        () =>
          json({
            items: [
              entry(),
              entry({ action: 'list_check_ins', actor_name: 'Renee Tremblay', actor_role: 'supervisor' }),
              entry({ action: 'read_participant', actor_name: 'Priya Shah', actor_role: 'admin', outcome: 'denied' }),
            ],
            next_cursor: 'page-2',
          }),
        () => json({ items: [entry({ action: 'read_housing_history' })], next_cursor: null }),
      ],
    });
    const { user } = renderApp({ path: '/me/access-log' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Who viewed my record' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /who opened your record/i });
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(3);
    const cells = (index: number) =>
      within(rows()[index]!).getAllByRole('cell').slice(1).map((cell) => cell.textContent);
    expect(cells(0)).toEqual(['Marcus BellPeer specialist', 'Viewed your profile', 'Allowed']);
    expect(cells(1)).toEqual(['Renee TremblaySupervisor', 'Viewed your check-ins', 'Allowed']);
    expect(cells(2)).toEqual(['Priya ShahAdministrator', 'Viewed your profile', 'Blocked: they were not allowed']);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(table).findByText('Viewed housing history')).toBeInTheDocument();
    expect(rows()).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.getByText(/showing 4 entries, the whole log/i)).toBeInTheDocument();

    const [first, second] = mock.calls('GET /me/access-log');
    expect(new URL(first!.url).searchParams.get('cursor')).toBeNull();
    expect(new URL(second!.url).searchParams.get('cursor')).toBe('page-2');
    expect(mock.unhandled).toEqual([]);
  });

  it('says so kindly when no one else has opened the record', async () => {
    mockApi({ ...signedInRoutes('participant'), 'GET /me/access-log': () => json({ items: [], next_cursor: null }) });
    renderApp({ path: '/me/access-log' });
    expect(await screen.findByRole('heading', { name: 'No one else has opened your record yet' })).toBeInTheDocument();
  });
});
