import { describe, expect, it } from 'vitest';

import { api, unwrap, unwrapVersioned } from '@/lib/api-client';
import { endSession, establishSession } from '@/lib/auth/session';
import { getAccessToken, getSessionSnapshot } from '@/lib/auth/token-store';
import { ProblemError } from '@/lib/problem';
import { makeUser, tokenResponse } from '@/testing/data';
import { json, mockApi, problem } from '@/testing/fetch-mock';

describe('api client', () => {
  it('sends the in-memory access token as a Bearer token', async () => {
    establishSession({ access_token: 'access-1', expires_in: 900 });
    const mock = mockApi({ 'GET /me': () => json(makeUser('specialist')) });

    const me = await unwrap(api.GET('/me'));

    expect(me.display_name).toBe('Marcus Bell');
    expect(mock.calls('GET /me')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(mock.calls('GET /me')[0]?.url).toBe(`${window.location.origin}/api/v1/me`);
  });

  it('on a 401, refreshes once and retries the request once with the new token', async () => {
    establishSession({ access_token: 'expired', expires_in: 900 });
    const mock = mockApi({
      'GET /me': [() => problem(401, 'Token expired'), () => json(makeUser('specialist'))],
      'POST /auth/refresh': () => tokenResponse('fresh'),
    });

    const me = await unwrap(api.GET('/me'));

    expect(me.role).toBe('specialist');
    const refreshes = mock.calls('POST /auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.headers.get('X-Token-Delivery')).toBe('cookie');
    expect(await refreshes[0]?.text()).toBe('');
    const attempts = mock.calls('GET /me');
    expect(attempts.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
    expect(getAccessToken()).toBe('fresh');
  });

  it('retries a request with its body intact', async () => {
    establishSession({ access_token: 'expired', expires_in: 900 });
    const mock = mockApi({
      'POST /participants/{participant_id}/withdraw': [
        () => problem(401, 'Token expired'),
        () => json({ status: 'withdrawn' }),
      ],
      'POST /auth/refresh': () => tokenResponse('fresh'),
    });

    await api.POST('/participants/{participant_id}/withdraw', {
      params: { path: { participant_id: 'p-1' } },
      body: { reason: 'Moving away' },
    });

    const attempts = mock.calls('POST /participants/{participant_id}/withdraw');
    expect(attempts).toHaveLength(2);
    expect(await attempts[1]?.json()).toEqual({ reason: 'Moving away' });
  });

  it('does not loop: a second 401 after the refresh ends the session', async () => {
    establishSession({ access_token: 'expired', expires_in: 900 });
    const mock = mockApi({
      'GET /me': () => problem(401, 'Account deactivated'),
      'POST /auth/refresh': () => tokenResponse('fresh'),
    });

    const call = unwrap(api.GET('/me'));

    await expect(call).rejects.toBeInstanceOf(ProblemError);
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(mock.calls('POST /auth/refresh')).toHaveLength(1);
    expect(mock.calls('GET /me')).toHaveLength(2);
    expect(getSessionSnapshot()).toEqual({ status: 'signed-out', endReason: 'expired' });
    expect(getAccessToken()).toBeNull();
  });

  it('ends the session when the refresh is refused, without retrying', async () => {
    establishSession({ access_token: 'expired', expires_in: 900 });
    const mock = mockApi({
      'GET /me': () => problem(401, 'Token expired'),
      'POST /auth/refresh': () => problem(401, 'Refresh token revoked'),
    });

    await expect(unwrap(api.GET('/me'))).rejects.toMatchObject({ status: 401 });
    expect(mock.calls('GET /me')).toHaveLength(1);
    expect(getSessionSnapshot().status).toBe('signed-out');
  });

  it('shares one refresh between requests that fail together', async () => {
    establishSession({ access_token: 'expired', expires_in: 900 });
    let meCalls = 0;
    const mock = mockApi({
      'GET /me': (request) => {
        meCalls += 1;
        return request.headers.get('Authorization') === 'Bearer fresh'
          ? json(makeUser('admin'))
          : problem(401, 'Token expired');
      },
      'POST /auth/refresh': () => tokenResponse('fresh'),
    });

    await Promise.all([unwrap(api.GET('/me')), unwrap(api.GET('/me')), unwrap(api.GET('/me'))]);

    expect(mock.calls('POST /auth/refresh')).toHaveLength(1);
    expect(meCalls).toBe(6);
  });

  it('never refreshes for the sign-in endpoint (a 401 there is a wrong password)', async () => {
    const mock = mockApi({
      'POST /auth/token': () => problem(401, 'Incorrect email or password.'),
      'POST /auth/refresh': () => tokenResponse('fresh'),
    });

    const result = await api.POST('/auth/token', {
      body: { grant_type: 'password', username: 'a@example.org', password: 'nope' },
    });

    expect(result.response.status).toBe(401);
    expect(mock.calls('POST /auth/refresh')).toHaveLength(0);
  });

  it('turns a failed request into a ProblemError with the server\'s detail', async () => {
    establishSession({ access_token: 'access-1', expires_in: 900 });
    mockApi({ 'GET /users/{user_id}': () => problem(404, 'User not found.') });

    await expect(unwrap(api.GET('/users/{user_id}', { params: { path: { user_id: 'u-1' } } }))).rejects.toMatchObject({
      status: 404,
      detail: 'User not found.',
      requestId: 'req-test',
    });
  });
});

describe('after the session ended', () => {
  it('never revives it with the refresh cookie, even if the cookie still works', async () => {
    establishSession({ access_token: 'access-1', expires_in: 900 });
    endSession('idle');
    const mock = mockApi({
      'GET /me': () => problem(401, 'Not authenticated'),
      'POST /auth/refresh': () => tokenResponse('revived'),
    });

    await expect(unwrap(api.GET('/me'))).rejects.toMatchObject({ status: 401 });

    expect(mock.calls('POST /auth/refresh')).toHaveLength(0);
    expect(getSessionSnapshot()).toEqual({ status: 'signed-out', endReason: 'idle' });
    expect(getAccessToken()).toBeNull();
  });
});

describe('unwrapVersioned', () => {
  it('returns the data with the ETag the answer carried, or null without one', async () => {
    establishSession({ access_token: 'access-1', expires_in: 900 });
    mockApi({
      'GET /me': [() => json(makeUser('specialist'), 200, { ETag: '"v7"' }), () => json(makeUser('specialist'))],
    });

    const tagged = await unwrapVersioned(api.GET('/me'));
    const untagged = await unwrapVersioned(api.GET('/me'));

    expect(tagged).toEqual({ value: expect.objectContaining({ role: 'specialist' }), etag: '"v7"' });
    expect(untagged.etag).toBeNull();
  });

  it('throws the problem of a refused call, as unwrap does', async () => {
    establishSession({ access_token: 'access-1', expires_in: 900 });
    mockApi({ 'GET /me': () => problem(412, 'Someone else changed it') });

    await expect(unwrapVersioned(api.GET('/me'))).rejects.toMatchObject({ status: 412 });
  });
});
