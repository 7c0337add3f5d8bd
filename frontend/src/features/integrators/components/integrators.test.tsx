import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { json, mockApi, noContent, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

import { makeClient, makeRegistered, SECRET } from '../testing/integrator-data';

const LIST = 'GET /integrator-clients';
const CREATE = 'POST /integrator-clients';
const REVOKE = 'DELETE /integrator-clients/{client_id}';

const LIVE = makeClient();
const OLD = makeClient({
  client_id: '00000000-0000-4000-8000-00000000c0de',
  name: 'Old research team',
  revoked_at: '2026-02-01T12:00:00Z',
  last_used_at: null,
});

async function openIntegrators(routes: Parameters<typeof mockApi>[0] = {}) {
  const mock = mockApi({
    ...signedInRoutes('admin'),
    [LIST]: () => json({ items: [LIVE, OLD], next_cursor: null }),
    ...routes,
  });
  const rendered = renderApp({ path: '/admin/integrators' });
  await screen.findByRole('table', { name: 'Integrator clients' });
  return { mock, ...rendered };
}

async function register(user: ReturnType<typeof renderApp>['user'], name = 'County health data office') {
  await user.type(screen.getByRole('textbox', { name: /^Name/ }), name);
  await user.click(screen.getByRole('button', { name: 'Register client' }));
  return screen.findByRole('alertdialog', { name: 'Store the client secret now' });
}

describe('integrators', () => {
  it('lists clients with their access, dates and status; only live ones can be revoked', async () => {
    const { mock, user } = await openIntegrators();
    const table = screen.getByRole('table', { name: 'Integrator clients' });
    const live = within(table).getByRole('row', { name: /State Opioid Response evaluation team/ });
    expect(live).toHaveTextContent('Read outcome data (outcomes:read)');
    expect(live).toHaveTextContent(LIVE.client_id);
    expect(live).toHaveTextContent('Active');
    expect(within(live).getByRole('button', { name: 'Revoke State Opioid Response evaluation team' })).toBeInTheDocument();
    const old = within(table).getByRole('row', { name: /Old research team/ });
    expect(old).toHaveTextContent('Revoked');
    expect(old).toHaveTextContent('Never');
    expect(within(old).queryByRole('button')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'revoked');
    await waitFor(() => expect(new URL(mock.calls(LIST).at(-1)!.url).searchParams.get('revoked')).toBe('true'));
  });

  it('shows the new secret once, with copy buttons and a warning, and forgets it when closed', async () => {
    const { mock, user } = await openIntegrators({ [CREATE]: () => json(makeRegistered(), 201) });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const dialog = await register(user);

    expect(dialog).toHaveAccessibleDescription(/You will not see this secret again\./);
    expect(within(dialog).getByRole('textbox', { name: 'Client secret' })).toHaveValue(SECRET);
    expect(within(dialog).getByRole('textbox', { name: 'Client ID' })).toHaveValue('7a7a7a7a-1111-4222-8333-444455556666');
    const copy = within(dialog).getByRole('button', { name: 'Copy the secret' });
    expect(copy).toHaveFocus();
    await user.click(copy);
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(within(dialog).getByRole('status')).toHaveTextContent('The secret is copied to the clipboard.');
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);

    // Not lost by accident: Escape does nothing, and closing needs a confirmation.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(within(dialog).getByRole('checkbox', { name: /I have stored the client ID and secret/ })).toHaveAccessibleDescription(
      /cannot be shown again/,
    );
    await user.click(within(dialog).getByRole('checkbox', { name: /I have stored/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await screen.findByText(/County health data office is registered/)).toHaveFocus();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(await mock.calls(CREATE)[0]?.json()).toEqual({ name: 'County health data office', scopes: ['outcomes:read'] });
    // The list is reloaded to show the new client.
    await waitFor(() => expect(mock.calls(LIST).length).toBeGreaterThan(1));
  });

  it('says how to copy by hand, and selects the secret, when the clipboard is not available', async () => {
    const { user } = await openIntegrators({ [CREATE]: () => json(makeRegistered(), 201) });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    const dialog = await register(user);
    await user.click(within(dialog).getByRole('button', { name: 'Copy the secret' }));

    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Copying is not available in this browser. The secret is selected: copy it with Ctrl+C (⌘C on a Mac).',
    );
    const field = within(dialog).getByRole('textbox', { name: 'Client secret' }) as HTMLInputElement;
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(SECRET.length);
  });

  it('checks the name before registering, and shows what the server refused', async () => {
    const { mock, user } = await openIntegrators({
      [CREATE]: () =>
        problem(422, 'Validation failed', {
          errors: [{ loc: ['body', 'name'], msg: 'String should have at most 200 characters', type: 'string_too_long' }],
        }),
    });
    await user.click(screen.getByRole('button', { name: 'Register client' }));
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(/Enter who the integrator is/);
    expect(mock.calls(CREATE)).toHaveLength(0);

    await user.type(name, 'A team');
    await user.click(screen.getByRole('button', { name: 'Register client' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/String should have at most 200 characters/));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('asks before revoking, then revokes', async () => {
    const { mock, user } = await openIntegrators({ [REVOKE]: () => noContent() });
    await user.click(screen.getByRole('button', { name: 'Revoke State Opioid Response evaluation team' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke State Opioid Response evaluation team?' });
    expect(dialog).toHaveAccessibleDescription(/stop working at once/);
    expect(within(dialog).getByRole('button', { name: 'Keep the client' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Keep the client' }));
    expect(mock.calls(REVOKE)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke State Opioid Response evaluation team' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke client' }));
    expect(await screen.findByText(/State Opioid Response evaluation team is revoked/)).toHaveFocus();
    expect(new URL(mock.calls(REVOKE)[0]!.url).pathname).toBe(`/api/v1/integrator-clients/${LIVE.client_id}`);
  });
});
