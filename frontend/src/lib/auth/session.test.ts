import { describe, expect, it, vi } from 'vitest';

import { endSession, establishSession, refreshSession, restoreSession } from '@/lib/auth/session';
import { getAccessToken, getSessionSnapshot } from '@/lib/auth/token-store';
import { tokenResponse } from '@/testing/data';
import { mockApi, mockNetworkDown, problem } from '@/testing/fetch-mock';

describe('session', () => {
  it('refreshes shortly before the access token expires', async () => {
    vi.useFakeTimers();
    const mock = mockApi({ 'POST /auth/refresh': () => tokenResponse('second') });
    establishSession({ access_token: 'first', expires_in: 900 });

    await vi.advanceTimersByTimeAsync(839_000);
    expect(mock.calls('POST /auth/refresh')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(mock.calls('POST /auth/refresh')).toHaveLength(1);
    expect(getAccessToken()).toBe('second');
  });

  it('restores nothing when there is no refresh cookie, and says nothing about why', async () => {
    mockApi({ 'POST /auth/refresh': () => problem(401, 'No refresh token.') });
    await restoreSession();
    expect(getSessionSnapshot()).toEqual({ status: 'signed-out', endReason: null });
  });

  it('treats an unreachable server on load as signed out', async () => {
    mockNetworkDown();
    await restoreSession();
    expect(getSessionSnapshot().status).toBe('signed-out');
  });

  it('keeps a valid session when a refresh cannot reach the server', async () => {
    establishSession({ access_token: 'first', expires_in: 900 });
    mockNetworkDown();
    expect(await refreshSession()).toBeNull();
    expect(getSessionSnapshot().status).toBe('signed-in');
    expect(getAccessToken()).toBe('first');
  });

  it('a refresh that was on its way when the session ended neither revives it nor changes why it ended', async () => {
    establishSession({ access_token: 'first', expires_in: 900 });
    let answer: (response: Response) => void = () => {};
    mockApi({ 'POST /auth/refresh': () => new Promise<Response>((resolve) => (answer = resolve)) });

    const pending = refreshSession();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    endSession('idle');
    answer(tokenResponse('revived'));

    expect(await pending).toBeNull();
    expect(getSessionSnapshot()).toEqual({ status: 'signed-out', endReason: 'idle' });
    expect(getAccessToken()).toBeNull();
  });
});
