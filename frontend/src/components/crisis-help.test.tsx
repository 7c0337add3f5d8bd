import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockNetworkDown } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

describe('"Need help now?"', () => {
  it('shows 988 on the sign-in page, even with the API unreachable', async () => {
    mockNetworkDown();
    const { user } = renderApp({ path: '/sign-in' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    const toggle = within(screen.getByRole('banner')).getByRole('button', { name: 'Need help now?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Help is available now' });
    expect(panel).toHaveTextContent('Call or text 988 (Suicide & Crisis Lifeline)');
    expect(within(panel).getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    expect(within(panel).getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  });

  it('is in the header while the session is still being checked, and on the 404 page', async () => {
    mockNetworkDown();
    const { user } = renderApp({ path: '/no-such-page' });

    expect(screen.getByRole('button', { name: 'Need help now?' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Need help now?' }));
    expect(screen.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  });

  it('closes with Escape and gives focus back to the button', async () => {
    mockNetworkDown();
    const { user } = renderApp({ path: '/sign-in' });
    const toggle = screen.getByRole('button', { name: 'Need help now?' });

    await user.click(toggle);
    await user.keyboard('{Escape}');

    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Help is available now' })).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
  });
});
