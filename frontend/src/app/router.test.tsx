import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { signedInRoutes } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

describe('app shell and routes', () => {
  it.each([
    ['specialist', '/caseload', 'Caseload', ['/caseload', '/alerts', '/surveys-due', '/participants/new']],
    [
      'supervisor',
      '/participants',
      'Participants',
      [
        '/participants',
        '/caseload',
        '/alerts',
        '/surveys-due',
        '/outcomes',
        '/caseload-balance',
        '/specialists',
        '/participants/new',
      ],
    ],
    ['admin', '/admin/users', 'Users', ['/admin/users', '/specialists', '/participants', '/outcomes', '/admin/integrators']],
    [
      'participant',
      '/me/plan',
      'My plan',
      ['/me/plan', '/me/crisis-plan', '/me/check-in', '/me/match', '/me/access-log', '/me/disclosures'],
    ],
  ] as const)('sends a %s to %s with its own links', async (role, path, heading, links) => {
    mockApi(signedInRoutes(role));
    const { router } = renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(path);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(links);
  });

  it("keeps a role out of another role's pages", async () => {
    mockApi(signedInRoutes('participant'));
    renderApp({ path: '/admin/users' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available for your account' })).toBeInTheDocument();
  });

  it('has landmarks and a skip link to the content', async () => {
    mockApi(signedInRoutes('specialist'));
    renderApp({ path: '/caseload' });
    await screen.findByRole('heading', { level: 1, name: 'Caseload' });

    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
  });

  it('answers an unknown address with a 404 page', async () => {
    mockApi(signedInRoutes('specialist'));
    renderApp({ path: '/nowhere' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
