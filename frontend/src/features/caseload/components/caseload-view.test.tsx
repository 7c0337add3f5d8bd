import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { signedInRoutes } from '@/testing/data';
import { json, mockApi, problem, type ApiMock } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

type Entry = Schemas['CaseloadEntry'];

const HOUR = 3_600_000;

/** Noon, `days` calendar days ago: "2 days ago" whatever the time the test runs. */
function noonDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  date.setHours(12, 0, 0, 0);
  return date.toISOString();
}

function progress(percent: number, goals = 2) {
  return { goals, achieved: 0, awaiting_agreement: 0, steps_total: 4, steps_done: 2, percent };
}

function entry(overrides: Partial<Entry> & Pick<Entry, 'participant_id' | 'preferred_name'>): Entry {
  return {
    pronouns: null,
    status: 'active',
    risk_level: 'low',
    last_check_in_at: null,
    last_contact_at: null,
    days_since_last_contact: null,
    follow_up_due: false,
    plan_progress: {},
    goals_awaiting_agreement: 0,
    specialist_id: null,
    specialist_name: null,
    ...overrides,
  };
}

const ANA = entry({
  participant_id: '11111111-1111-4111-8111-111111111111',
  preferred_name: 'Ana',
  pronouns: 'she/her',
  risk_level: 'low',
  last_check_in_at: noonDaysAgo(2),
  days_since_last_contact: 3,
  plan_progress: { health: progress(25), home: progress(50), purpose: progress(0, 0), community: progress(100, 1) },
  goals_awaiting_agreement: 2,
  specialist_id: 'spec-1',
  specialist_name: 'Marcus Bell',
});
const BEN = entry({
  participant_id: '22222222-2222-4222-8222-222222222222',
  preferred_name: 'Ben',
  risk_level: 'crisis',
  last_check_in_at: new Date(Date.now() - 2 * HOUR).toISOString(),
  days_since_last_contact: 0,
});
const CLEO = entry({
  participant_id: '33333333-3333-4333-8333-333333333333',
  preferred_name: 'Cleo',
  risk_level: null,
});
const DEV = entry({
  participant_id: '44444444-4444-4444-8444-444444444444',
  preferred_name: 'Dev',
  risk_level: 'elevated',
  days_since_last_contact: 20,
});

function page(items: Entry[], next_cursor: string | null = null) {
  return json({ items, next_cursor });
}

function queryOf(request: Request | undefined): URLSearchParams {
  return new URL(request?.url ?? 'http://x/').searchParams;
}

function lastCaseloadQuery(mock: ApiMock): URLSearchParams {
  return queryOf(mock.calls('GET /caseload').at(-1));
}

function rowNames(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent ?? '');
}

describe('caseload', () => {
  it('shows each person with a link, a risk badge, last check-in, contact and plan progress', async () => {
    const mock = mockApi({ ...signedInRoutes('specialist'), 'GET /caseload': () => page([ANA, BEN]) });
    renderApp({ path: '/caseload' });

    const table = await screen.findByRole('table', { name: 'Caseload' });
    const link = within(table).getByRole('link', { name: 'Ana' });
    expect(link).toHaveAttribute('href', `/participants/${ANA.participant_id}`);

    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('she/her')).toBeInTheDocument();
    expect(within(row).getByText('Low risk')).toBeInTheDocument();
    expect(within(row).getByText('2 days ago')).toBeInTheDocument();
    // The exact time is in a tooltip and read by screen readers.
    const time = row.querySelector('time');
    expect(time).toHaveAttribute('datetime', ANA.last_check_in_at);
    expect(time?.getAttribute('title')).toBeTruthy();
    expect(within(row).getByText('3 days')).toBeInTheDocument();
    const plan = within(row).getByRole('list', { name: 'Plan progress' });
    expect(within(plan).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Health 25%',
      'Home 50%',
      'Purpose: no goals',
      'Community 100%',
    ]);
    expect(within(row).getByRole('cell', { name: /Marcus Bell/ })).toBeInTheDocument();

    const benRow = within(table).getByRole('link', { name: 'Ben' }).closest('tr') as HTMLElement;
    expect(within(benRow).getByText('Crisis')).toBeInTheDocument();
    expect(within(benRow).getByText('2 hours ago')).toBeInTheDocument();
    expect(within(benRow).getByText('Today')).toBeInTheDocument();
    expect(within(benRow).getByText('No plan goals yet')).toBeInTheDocument();
    expect(within(benRow).getByText('Not matched yet')).toBeInTheDocument();

    // Active people by default; a specialist gets no specialist filter.
    expect(lastCaseloadQuery(mock).get('status')).toBe('active');
    expect(screen.queryByLabelText('Specialist')).not.toBeInTheDocument();
    expect(mock.calls('GET /specialists')).toHaveLength(0);
  });

  it('orders the most urgent first, and by name or contact on request, keeping the order in the address', async () => {
    mockApi({ ...signedInRoutes('specialist'), 'GET /caseload': () => page([ANA, BEN, CLEO, DEV]) });
    const { user, router } = renderApp({ path: '/caseload' });

    const table = await screen.findByRole('table', { name: 'Caseload' });
    // Crisis, elevated, low, then not yet known.
    expect(rowNames(table)).toEqual(['Ben', 'Dev', 'Ana', 'Cleo']);
    expect(screen.getByRole('columnheader', { name: 'Risk' })).toHaveAttribute('aria-sort', 'descending');

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Name, A to Z');
    expect(rowNames(table)).toEqual(['Ana', 'Ben', 'Cleo', 'Dev']);
    expect(router.state.location.search).toBe('?sort=name');

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Days since contact, most first');
    // No contact recorded counts as the longest.
    expect(rowNames(table)).toEqual(['Cleo', 'Dev', 'Ana', 'Ben']);

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Last check-in, longest ago first');
    expect(rowNames(table)).toEqual(['Cleo', 'Dev', 'Ana', 'Ben']);
  });

  it('searches by name on the server once typing pauses, and keeps the search in the address', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /caseload': (request) => (queryOf(request).get('q') === 'an' ? page([ANA]) : page([ANA, BEN])),
    });
    const { user, router } = renderApp({ path: '/caseload' });
    const table = await screen.findByRole('table', { name: 'Caseload' });
    expect(rowNames(table)).toHaveLength(2);

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'an');

    await waitFor(() => expect(router.state.location.search).toBe('?q=an'));
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Caseload' }))).toEqual(['Ana']));
    // One request for the whole word, not one per key.
    expect(mock.calls('GET /caseload').map((request) => queryOf(request).get('q'))).toEqual([null, 'an']);
  });

  it('filters by risk level and status through the server and the address', async () => {
    const mock = mockApi({ ...signedInRoutes('specialist'), 'GET /caseload': () => page([BEN]) });
    const { user, router } = renderApp({ path: '/caseload' });
    await screen.findByRole('table', { name: 'Caseload' });

    await user.selectOptions(screen.getByLabelText('Risk level'), 'Crisis');
    await waitFor(() => expect(lastCaseloadQuery(mock).get('risk_level')).toBe('crisis'));
    expect(router.state.location.search).toBe('?risk_level=crisis');

    await user.selectOptions(screen.getByLabelText('Status'), 'Withdrawn');
    await waitFor(() => expect(lastCaseloadQuery(mock).get('status')).toBe('withdrawn'));
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('withdrawn');
    expect(lastCaseloadQuery(mock).get('risk_level')).toBe('crisis');
  });

  it('starts from the search, filters and order in the address (reload, back)', async () => {
    const mock = mockApi({ ...signedInRoutes('specialist'), 'GET /caseload': () => page([ANA]) });
    renderApp({ path: '/caseload?q=an&risk_level=low&status=discharged&sort=name' });
    await screen.findByRole('table', { name: 'Caseload' });

    const query = lastCaseloadQuery(mock);
    expect(Object.fromEntries(query)).toEqual({ q: 'an', risk_level: 'low', status: 'discharged', limit: '50' });
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('an');
    expect(screen.getByLabelText('Risk level')).toHaveValue('low');
    expect(screen.getByLabelText('Status')).toHaveValue('discharged');
    expect(screen.getByLabelText('Sort by')).toHaveValue('name');
  });

  it('says plainly when no one matches, and clears the filters', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /caseload': (request) => (queryOf(request).get('risk_level') ? page([]) : page([ANA])),
    });
    const { user, router } = renderApp({ path: '/caseload?risk_level=high' });

    expect(await screen.findByRole('heading', { name: 'No one matches these filters.' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Ana' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(lastCaseloadQuery(mock).get('risk_level')).toBeNull();
  });

  it('loads more with the next cursor', async () => {
    const mock = mockApi({
      ...signedInRoutes('specialist'),
      'GET /caseload': (request) => (queryOf(request).get('cursor') === 'page-2' ? page([DEV]) : page([ANA, BEN], 'page-2')),
    });
    const { user } = renderApp({ path: '/caseload?sort=name' });
    await screen.findByRole('link', { name: 'Ana' });
    expect(screen.getByText('Showing the first 2 people. There are more to load.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Dev' })).toBeInTheDocument();
    expect(queryOf(mock.calls('GET /caseload').at(-1)).get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 3 people.')).toBeInTheDocument();
  });

  it('explains a failure and tries again', async () => {
    mockApi({
      ...signedInRoutes('specialist'),
      'GET /caseload': [() => problem(503, 'The service is restarting.'), () => page([ANA])],
    });
    const { user } = renderApp({ path: '/caseload' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load this list.');
    expect(alert).toHaveTextContent('The service is restarting.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Ana' })).toBeInTheDocument();
  });
});

describe('participants (supervisor and admin)', () => {
  const SPECIALISTS = {
    items: [
      { id: 'spec-1', user_id: 'u1', display_name: 'Marcus Bell', max_caseload: 15, accepting_new: true, active_caseload: 4 },
      { id: 'spec-2', user_id: 'u2', display_name: 'Lucía Morales', max_caseload: 12, accepting_new: true, active_caseload: 7 },
    ],
    next_cursor: null,
  };

  it('lets a supervisor see everyone and filter by specialist (specialist_id)', async () => {
    const mock = mockApi({
      ...signedInRoutes('supervisor'),
      'GET /caseload': (request) => (queryOf(request).get('specialist_id') === 'spec-2' ? page([DEV]) : page([ANA, DEV])),
      'GET /specialists': () => json(SPECIALISTS),
    });
    const { user, router } = renderApp({ path: '/participants' });

    const table = await screen.findByRole('table', { name: 'Participants' });
    expect(within(table).getByRole('columnheader', { name: 'Specialist' })).toBeInTheDocument();
    expect(within(table).getByText('Marcus Bell')).toBeInTheDocument();

    const filter = screen.getByLabelText('Specialist');
    await waitFor(() => expect(within(filter).getByRole('option', { name: 'Lucía Morales (7 of 12)' })).toBeInTheDocument());
    await user.selectOptions(filter, 'Lucía Morales (7 of 12)');

    await waitFor(() => expect(lastCaseloadQuery(mock).get('specialist_id')).toBe('spec-2'));
    expect(router.state.location.search).toBe('?specialist_id=spec-2');
    await waitFor(() => expect(rowNames(screen.getByRole('table', { name: 'Participants' }))).toEqual(['Dev']));
  });

  it('gives an admin the plain list from GET /participants', async () => {
    const participant = {
      id: ANA.participant_id,
      organisation_id: 'org',
      preferred_name: 'Ana',
      legal_name: null,
      pronouns: 'she/her',
      email: null,
      phone: null,
      primary_language: 'en',
      gender_identity: null,
      birth_year: null,
      substances: [],
      recovery_pathways: [],
      recovery_start_date: null,
      strengths: [],
      status: 'active',
      risk_level: 'high',
      enrolled_at: '2026-01-05T10:00:00Z',
      withdrawn_at: null,
      withdrawal_reason: null,
      created_at: '2026-01-05T10:00:00Z',
      updated_at: '2026-01-05T10:00:00Z',
    };
    const mock = mockApi({
      ...signedInRoutes('admin'),
      'GET /participants': () => json({ items: [participant], next_cursor: null }),
      'GET /specialists': () => json(SPECIALISTS),
    });
    const { user } = renderApp({ path: '/participants' });

    const table = await screen.findByRole('table', { name: 'Participants' });
    expect(within(table).getByRole('link', { name: 'Ana' })).toHaveAttribute('href', `/participants/${ANA.participant_id}`);
    expect(within(table).getByText('High risk')).toBeInTheDocument();
    expect(mock.calls('GET /caseload')).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Specialist'), 'Marcus Bell (4 of 15)');
    await waitFor(() =>
      expect(queryOf(mock.calls('GET /participants').at(-1)).get('specialist_id')).toBe('spec-1'),
    );
  });
});
