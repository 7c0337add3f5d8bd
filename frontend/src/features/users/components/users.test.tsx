import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Schemas } from '@/lib/api-client';
import { makeUser, signedInRoutes } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

type User = Schemas['UserRead'];

const ME = makeUser('admin');

function account(overrides: Partial<User> & Pick<User, 'id' | 'display_name' | 'email' | 'role'>): User {
  return {
    organisation_id: ME.organisation_id,
    participant_id: null,
    is_active: true,
    deactivated_at: null,
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

const PRIYA = account({ id: ME.id, display_name: 'Priya Shah', email: 'priya.shah@example.org', role: 'admin' });
const MARCUS = account({
  id: '00000000-0000-4000-8000-000000000002',
  display_name: 'Marcus Bell',
  email: 'marcus.bell@example.org',
  role: 'specialist',
});
const FORMER = account({
  id: '00000000-0000-4000-8000-000000000003',
  display_name: 'Sam Former',
  email: 'sam@example.org',
  role: 'supervisor',
  is_active: false,
  deactivated_at: '2026-02-01T10:00:00Z',
});

function usersPage(items: User[]) {
  return json({ items, next_cursor: null });
}

function queryOf(request: Request | undefined) {
  return Object.fromEntries(new URL(request?.url ?? 'http://x/').searchParams);
}

async function openUsers(routes: Parameters<typeof mockApi>[0] = {}) {
  const mock = mockApi({
    ...signedInRoutes('admin'),
    'GET /users': () => usersPage([PRIYA, MARCUS, FORMER]),
    ...routes,
  });
  const rendered = renderApp({ path: '/admin/users' });
  await screen.findByRole('table', { name: 'Accounts' });
  return { mock, ...rendered };
}

describe('users', () => {
  it('lists accounts with role, email, name and status, and filters by role and status', async () => {
    const { mock, user } = await openUsers();
    const table = screen.getByRole('table', { name: 'Accounts' });
    const marcus = within(table).getByRole('rowheader', { name: 'Marcus Bell' }).closest('tr') as HTMLElement;
    expect(within(marcus).getByText('marcus.bell@example.org')).toBeInTheDocument();
    expect(within(marcus).getByText('Specialist')).toBeInTheDocument();
    expect(within(marcus).getByText('Active')).toBeInTheDocument();
    const former = within(table).getByRole('rowheader', { name: 'Sam Former' }).closest('tr') as HTMLElement;
    expect(within(former).getByText('Deactivated')).toBeInTheDocument();
    // Only active accounts can be deactivated.
    expect(screen.getByRole('button', { name: 'Deactivate Marcus Bell' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deactivate Sam Former' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Kind of account'), 'Specialists');
    await user.selectOptions(screen.getByLabelText('Account status'), 'Active');
    await waitFor(() => expect(queryOf(mock.calls('GET /users').at(-1))).toEqual({ role: 'specialist', active: 'true', limit: '50' }));
  });

  it('creates a staff account with the fields the API expects', async () => {
    const { mock, user } = await openUsers({
      'POST /users': async (request) => {
        const body = (await request.json()) as Record<string, string>;
        return json(account({ id: 'new', display_name: body.display_name ?? '', email: body.email ?? '', role: body.role ?? '' }), 201);
      },
    });
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'lucia.morales@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Role/ }), 'Specialist');
    await user.type(screen.getByRole('textbox', { name: /^Display name/ }), 'Lucía Morales');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText(/Lucía Morales’s specialist account is ready/)).toBeInTheDocument();
    expect(await mock.calls('POST /users')[0]?.json()).toEqual({
      email: 'lucia.morales@example.org',
      password: 'a long enough password',
      role: 'specialist',
      display_name: 'Lucía Morales',
    });
    // The form is ready for the next one.
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('');
  });

  it('shows the password rule and the missing answers before sending', async () => {
    const { mock, user } = await openUsers();
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveAccessibleDescription(/At least 12 characters/);
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Use at least 12 characters/);
    expect(screen.getByRole('combobox', { name: /^Role/ })).toHaveAccessibleDescription(/Choose a role/);
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveFocus();
    expect(mock.calls('POST /users')).toHaveLength(0);
  });

  it('shows "already exists" (409) next to the email field', async () => {
    const { user } = await openUsers({
      'POST /users': () => problem(409, 'An account with this email address already exists.'),
    });
    const email = screen.getByRole('textbox', { name: /^Email/ });
    await user.type(email, 'marcus.bell@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Role/ }), 'Supervisor');
    await user.type(screen.getByRole('textbox', { name: /^Display name/ }), 'Marcus Bell');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/An account with this email address already exists\./);
    expect(email).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some answers need another look');
    expect(email).toHaveValue('marcus.bell@example.org');
  });

  it('links a participant account to the participant chosen in the picker', async () => {
    const participant = {
      id: '77777777-7777-4777-8777-777777777777',
      preferred_name: 'José',
      email: 'jose.ramirez@example.org',
      enrolled_at: '2026-01-05T10:00:00Z',
    };
    const { mock, user } = await openUsers({
      'GET /participants': () => json({ items: [participant], next_cursor: null }),
      'POST /users': () => json(account({ id: 'p', display_name: 'José', email: participant.email, role: 'participant' }), 201),
    });
    await user.selectOptions(screen.getByRole('combobox', { name: /^Role/ }), 'Participant');
    await user.type(screen.getByRole('searchbox', { name: 'Find participant by name' }), 'jos');
    await waitFor(() => expect(queryOf(mock.calls('GET /participants').at(-1)).q).toBe('jos'));

    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByRole('group', { name: /Participant record/ })).toHaveAccessibleDescription(
      /Choose the participant this account is for/,
    );

    await user.click(await screen.findByRole('radio', { name: /José/ }));
    // What the record knows fills the empty fields.
    expect(screen.getByRole('textbox', { name: /^Display name/ })).toHaveValue('José');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveValue('jose.ramirez@example.org');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(mock.calls('POST /users')).toHaveLength(1));
    expect(await mock.calls('POST /users')[0]?.json()).toEqual({
      email: 'jose.ramirez@example.org',
      password: 'a long enough password',
      role: 'participant',
      display_name: 'José',
      participant_id: participant.id,
    });
  });

  it('asks for confirmation before deactivating, then deactivates', async () => {
    const { mock, user } = await openUsers({
      'POST /users/{user_id}/deactivate': () => json({ ...MARCUS, is_active: false, deactivated_at: '2026-05-01T10:00:00Z' }),
    });
    await user.click(screen.getByRole('button', { name: 'Deactivate Marcus Bell' }));

    const dialog = screen.getByRole('dialog', { name: 'Deactivate Marcus Bell’s account?' });
    expect(dialog).toHaveAccessibleDescription(/signed out everywhere/);
    // Nothing happens until it is confirmed; the safe answer has the focus.
    expect(mock.calls('POST /users/{user_id}/deactivate')).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Keep the account' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Keep the account' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mock.calls('POST /users/{user_id}/deactivate')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Deactivate Marcus Bell' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Deactivate account' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [call] = mock.calls('POST /users/{user_id}/deactivate');
    expect(new URL(call?.url ?? '').pathname).toBe(`/api/v1/users/${MARCUS.id}/deactivate`);
    expect(screen.getByText(/Marcus Bell’s account is deactivated/)).toHaveFocus();
    // The list is reloaded.
    await waitFor(() => expect(mock.calls('GET /users').length).toBeGreaterThan(1));
  });

  it("shows the server's reason when an account cannot be deactivated (your own: 409)", async () => {
    const { user } = await openUsers({
      'POST /users/{user_id}/deactivate': () => problem(409, 'You cannot deactivate your own account.'),
    });
    await user.click(screen.getByRole('button', { name: 'Deactivate Priya Shah' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate account' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot deactivate your own account.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
