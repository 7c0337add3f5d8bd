import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getAccessToken } from '@/lib/auth/token-store';
import { makeUser, tokenResponse } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

describe('signing in', () => {
  let setItem: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    setItem = vi.spyOn(Storage.prototype, 'setItem');
  });

  afterEach(() => {
    setItem.mockRestore();
  });

  it('keeps the access token in memory only: nothing in localStorage, sessionStorage or cookies', async () => {
    const mock = mockApi({
      'POST /auth/refresh': () => problem(401, 'No refresh token.'),
      'POST /auth/token': () => tokenResponse('secret-access-token'),
      'GET /me': () => json(makeUser('specialist')),
      // The caseload the specialist lands on.
      'GET /caseload': () => json({ items: [], next_cursor: null }),
    });
    const { user, router } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText(/email/i), 'marcus.bell@example.org');
    await user.type(screen.getByLabelText(/password/i), 'recovery-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Signed in: the specialist lands on the caseload, with its name in the header.
    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/caseload');
    expect(screen.getByText('Marcus Bell')).toBeInTheDocument();

    expect(getAccessToken()).toBe('secret-access-token');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(setItem).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');

    // The request asked for cookie delivery of the refresh token and sent the OAuth2 form.
    const [tokenRequest] = mock.calls('POST /auth/token');
    expect(tokenRequest?.headers.get('X-Token-Delivery')).toBe('cookie');
    expect(tokenRequest?.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(await tokenRequest?.text());
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'password',
      username: 'marcus.bell@example.org',
      password: 'recovery-demo-2026',
    });
    expect(mock.calls('GET /me')[0]?.headers.get('Authorization')).toBe('Bearer secret-access-token');
    expect(mock.unhandled).toEqual([]);
  });

  it("shows the server's reason next to the form", async () => {
    mockApi({
      'POST /auth/refresh': () => problem(401, 'No refresh token.'),
      'POST /auth/token': () => problem(401, 'Incorrect email or password.'),
    });
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText(/email/i), 'someone@example.org');
    await user.type(screen.getByLabelText(/password/i), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Incorrect email or password.');
    expect(getAccessToken()).toBeNull();
    // What was typed is still there.
    expect(screen.getByLabelText(/email/i)).toHaveValue('someone@example.org');
  });

  it('asks for missing answers before sending anything, wired to the fields', async () => {
    const mock = mockApi({ 'POST /auth/refresh': () => problem(401, 'No refresh token.') });
    const { user } = renderApp({ path: '/sign-in' });

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText(/email/i);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/enter your email address/i);
    expect(screen.getByLabelText(/password/i)).toHaveAccessibleDescription(/enter your password/i);
    expect(mock.calls('POST /auth/token')).toHaveLength(0);
  });

  it('restores the session from the refresh cookie after a reload', async () => {
    const mock = mockApi({
      'POST /auth/refresh': () => tokenResponse('restored'),
      'GET /me': () => json(makeUser('participant')),
    });
    const { router } = renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'My plan' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/me/plan');
    expect(mock.calls('POST /auth/refresh')).toHaveLength(1);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/me/plan',
      '/me/crisis-plan',
      '/me/check-in',
      '/me/match',
      '/me/access-log',
      '/me/disclosures',
    ]);
  });

  it('shows sign-in when there is no session to restore, and returns to the page asked for', async () => {
    mockApi({
      'POST /auth/refresh': () => problem(401, 'No refresh token.'),
      'POST /auth/token': () => tokenResponse(),
      'GET /me': () => json(makeUser('supervisor')),
    });
    const { router, user } = renderApp({ path: '/caseload' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fcaseload');

    await user.type(screen.getByLabelText(/email/i), 'renee.tremblay@example.org');
    await user.type(screen.getByLabelText(/password/i), 'recovery-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/caseload');
  });

  it('signing out clears the session and the cached records, and calls logout with the cookie header', async () => {
    const mock = mockApi({
      'POST /auth/refresh': () => tokenResponse(),
      'GET /me': () => json(makeUser('admin')),
      'POST /auth/logout': () => new Response(null, { status: 204 }),
    });
    const { user, queryClient, router } = renderApp({ path: '/' });

    await screen.findByRole('heading', { level: 1, name: 'Users' });
    expect(queryClient.getQueryData(['me'])).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have signed out.');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getAccessToken()).toBeNull();
    // No record survives the session in memory (a mounted, disabled query may remain, empty).
    expect(queryClient.getQueryCache().getAll().map((query) => query.state.data)).toEqual(
      queryClient.getQueryCache().getAll().map(() => undefined),
    );
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    const [logout] = mock.calls('POST /auth/logout');
    expect(logout?.headers.get('X-Token-Delivery')).toBe('cookie');
    expect(await logout?.text()).toBe('');
  });
});
