import { act, fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { formatDuration } from '@/features/auth/components/idle-logoff';
import { getAccessToken, getSessionSnapshot } from '@/lib/auth/token-store';
import { signedInRoutes } from '@/testing/data';
import { mockApi } from '@/testing/fetch-mock';
import { renderApp } from '@/testing/render';

// Shortened so the test reads easily; the app uses 15 minutes and 2 minutes.
const TIMEOUT_MS = 10 * 60_000;
const WARNING_MS = 2 * 60_000;

async function signedInApp() {
  const mock = mockApi(signedInRoutes('specialist'));
  const app = renderApp({
    path: '/caseload',
    idleTimeoutMs: TIMEOUT_MS,
    idleWarningMs: WARNING_MS,
    userOptions: { advanceTimers: vi.advanceTimersByTime },
  });
  await screen.findByRole('heading', { level: 1, name: 'Caseload' });
  return { ...app, mock };
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('automatic logoff', () => {
  beforeEach(() => {
    // Fake clock (Date too) that also ticks in real time, so findBy* can poll.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });

  it('warns two minutes before, then signs out and clears the cache', async () => {
    const { mock, queryClient, router } = await signedInApp();

    advance(TIMEOUT_MS - WARNING_MS - 1_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    advance(2_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveAccessibleDescription(
      "You'll be signed out in 2 minutes to keep this information private. Stay signed in?",
    );
    const stay = screen.getByRole('button', { name: 'Stay signed in' });
    expect(stay).toHaveFocus();

    // Moving the mouse does not count as an answer.
    fireEvent.pointerMove(document.body);
    advance(WARNING_MS);

    expect(getSessionSnapshot()).toEqual({ status: 'signed-out', endReason: 'idle' });
    expect(getAccessToken()).toBeNull();
    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(mock.calls('POST /auth/logout')).toHaveLength(1);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/signed out after a period without activity/i);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fcaseload');
  });

  it('"Stay signed in" starts the count again', async () => {
    const { mock, user } = await signedInApp();

    advance(TIMEOUT_MS - WARNING_MS);
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    advance(TIMEOUT_MS - WARNING_MS - 1_000);
    expect(getSessionSnapshot().status).toBe('signed-in');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(mock.calls('POST /auth/logout')).toHaveLength(0);
  });

  it('activity before the warning postpones it', async () => {
    await signedInApp();

    advance(TIMEOUT_MS - WARNING_MS - 60_000);
    fireEvent.keyDown(document.body, { key: 'a' });
    advance(TIMEOUT_MS - WARNING_MS - 1_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    advance(2_000);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('keeps focus inside the warning', async () => {
    const { user } = await signedInApp();

    advance(TIMEOUT_MS - WARNING_MS);
    const dialog = screen.getByRole('alertdialog');
    for (let i = 0; i < 6; i += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });
});

describe('formatDuration', () => {
  it('says minutes or seconds in words', () => {
    expect(formatDuration(2 * 60_000)).toBe('2 minutes');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(30_000)).toBe('30 seconds');
  });
});
