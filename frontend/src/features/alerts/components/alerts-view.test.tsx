import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeAlert } from '../testing/alert-data';

const CRISIS = makeAlert();
const CHECK_IN = makeAlert({
  id: 'alert-2',
  participant_id: 'p-darnell',
  participant_preferred_name: 'Darnell Brooks',
  severity: 'high',
  source: 'check_in',
  created_at: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  escalated_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
});
const RESOLVED = makeAlert({
  id: 'alert-3',
  participant_preferred_name: 'Darnell Brooks',
  severity: 'high',
  source: 'assessment',
  status: 'resolved',
  resolved_at: new Date(Date.now() - 86_400_000).toISOString(),
  resolution_note: 'Called him that evening.',
});

function page(...items: ReturnType<typeof makeAlert>[]) {
  return () => json({ items, next_cursor: null });
}

function row(name: RegExp | string) {
  return screen.getByRole('row', { name });
}

describe('Alerts page', () => {
  it('lists the alerts still to deal with: participant, severity, what happened, when, status, escalation', async () => {
    const mock = mockApi({ ...signedInRoutes('specialist'), 'GET /alerts': page(CRISIS, CHECK_IN) });
    renderApp({ path: '/alerts' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Alerts' });
    const [header, ...rows] = within(table).getAllByRole('row');
    expect(within(header!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Participant',
      'Severity',
      'What happened',
      'Raised',
      'Status',
      'Actions',
    ]);
    expect(rows).toHaveLength(2);
    const jose = rows[0]!;
    expect(within(jose).getByRole('link', { name: 'José Ramírez' })).toHaveAttribute('href', `/participants/${CRISIS.participant_id}`);
    expect(jose).toHaveTextContent('Crisis');
    expect(jose).toHaveTextContent('Asked for help now');
    expect(jose).toHaveTextContent('just now');
    expect(jose).toHaveTextContent('Open');
    const darnell = rows[1]!;
    expect(darnell).toHaveTextContent('High risk');
    expect(darnell).toHaveTextContent('Check-in');
    expect(darnell).toHaveTextContent('Escalated to the supervisors');
    expect(darnell).toHaveTextContent('3 hours ago');

    // By default: what is not resolved yet.
    const [request] = mock.calls('GET /alerts');
    expect(new URL(request!.url).searchParams.getAll('status')).toEqual(['open', 'acknowledged']);
    expect(screen.getByText(/Live alerts are not available right now/)).toBeInTheDocument();
  });

  it('filters by status, severity and what happened, in the address', async () => {
    const mock = mockApi({ ...signedInRoutes('supervisor'), 'GET /alerts': [page(CRISIS, CHECK_IN), page(RESOLVED)] });
    const { user, router } = renderApp({ path: '/alerts' });

    await screen.findByRole('table', { name: 'Alerts' });
    await user.selectOptions(screen.getByLabelText('Status'), 'Resolved');
    await user.selectOptions(screen.getByLabelText('Severity'), 'High risk');
    await user.selectOptions(screen.getByLabelText('What happened'), 'C-SSRS screen');

    const resolved = await screen.findByRole('row', { name: /Darnell Brooks/ });
    expect(resolved).toHaveTextContent('Resolved');
    expect(resolved).toHaveTextContent('Called him that evening.');
    expect(within(resolved).queryByRole('button')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=resolved&severity=high&source=assessment');
    const last = mock.calls('GET /alerts').at(-1)!;
    const query = new URL(last.url).searchParams;
    expect(query.getAll('status')).toEqual(['resolved']);
    expect(query.get('severity')).toBe('high');
    expect(query.get('source')).toBe('assessment');
  });

  it('acknowledges an open alert', async () => {
    const acknowledged = { ...CRISIS, status: 'acknowledged' as const, acknowledged_at: new Date().toISOString() };
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /alerts': [page(CRISIS), page(acknowledged)],
      'POST /alerts/{alert_id}/acknowledge': () => json(acknowledged),
    });
    const { user } = renderApp({ path: '/alerts' });

    await user.click(await screen.findByRole('button', { name: 'Acknowledge the alert for José Ramírez' }));

    expect(await screen.findByText('You acknowledged the alert for José Ramírez.')).toBeInTheDocument();
    expect(await within(row(/José Ramírez/)).findByText('Acknowledged')).toBeInTheDocument();
    expect(within(row(/José Ramírez/)).queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
    expect(within(row(/José Ramírez/)).getByRole('button', { name: 'Resolve the alert for José Ramírez' })).toBeInTheDocument();
    const [request] = mock.calls('POST /alerts/{alert_id}/acknowledge');
    expect(new URL(request!.url).pathname).toBe('/api/v1/alerts/alert-1/acknowledge');
  });

  it('says when someone else got there first', async () => {
    mockApi({
      ...signedInRoutes('supervisor'),
      'GET /alerts': [page(CRISIS), page({ ...CRISIS, status: 'acknowledged' })],
      'POST /alerts/{alert_id}/acknowledge': () =>
        problem(409, 'The alert is already acknowledged; only an open alert is acknowledged.'),
    });
    const { user } = renderApp({ path: '/alerts' });

    await user.click(await screen.findByRole('button', { name: 'Acknowledge the alert for José Ramírez' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The alert is already acknowledged');
    expect(await within(row(/José Ramírez/)).findByText('Acknowledged')).toBeInTheDocument();
  });

  it('resolves an alert only with a note on what was done', async () => {
    const resolved = { ...CRISIS, status: 'resolved' as const, resolved_at: new Date().toISOString(), resolution_note: 'Called him; he is safe with Ana.' };
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /alerts': [page(CRISIS), page()],
      'POST /alerts/{alert_id}/resolve': () => json(resolved),
    });
    const { user } = renderApp({ path: '/alerts' });

    await user.click(await screen.findByRole('button', { name: 'Resolve the alert for José Ramírez' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve the alert for José Ramírez' });
    expect(dialog).toHaveAccessibleDescription(/José Ramírez asked for help now\. Say what was done/);
    await user.click(within(dialog).getByRole('button', { name: 'Resolve alert' }));
    expect(within(dialog).getByLabelText(/^What was done/)).toHaveAccessibleDescription(/Write what was done\./);
    expect(mock.calls('POST /alerts/{alert_id}/resolve')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^What was done/), '  Called him; he is safe with Ana.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve alert' }));

    expect(await screen.findByText('You resolved the alert for José Ramírez.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [request] = mock.calls('POST /alerts/{alert_id}/resolve');
    expect(await request!.json()).toEqual({ note: 'Called him; he is safe with Ana.' });
    expect(await screen.findByText('Nothing needs you right now.')).toBeInTheDocument();
  });
});
