/**
 * The session's life cycle: start it from a token response, refresh it (on load, shortly before
 * the access token expires, and when the API answers 401), end it, and keep the browser's tabs
 * in step. The refresh token never passes through here: it is an HttpOnly cookie scoped to
 * /api/v1/auth that the browser sends with /auth/refresh and /auth/logout.
 */
import { apiBaseUrl, TOKEN_DELIVERY_HEADER } from '@/lib/api-base';

import {
  clearAccessToken,
  getAccessTokenExpiry,
  getSessionSnapshot,
  setAccessToken,
  type SessionEndReason,
} from './token-store';

export interface TokenResponse {
  access_token: string;
  expires_in: number;
}

// Refresh this long before expiry (or at 80% of a short token's life).
const REFRESH_LEAD_SECONDS = 60;
// After a refresh that could not reach the server, try again this much later.
const RETRY_AFTER_NETWORK_ERROR_MS = 30_000;
const SYNC_CHANNEL = 'prss-session';
const REFRESH_LOCK = 'prss-session-refresh';

let refreshInFlight: Promise<string | null> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let channel: BroadcastChannel | null = null;
// Bumped whenever the session ends, so a refresh that was already on its way cannot revive it.
let generation = 0;

type SyncMessage = { type: 'signed-out'; reason: SessionEndReason | null };

/** Starts (or renews) the session from a token response and schedules its next refresh. */
export function establishSession(token: TokenResponse): void {
  setAccessToken(token.access_token, token.expires_in);
  scheduleRefresh(token.expires_in * 1000);
}

/** Ends the session in this tab and in the browser's other tabs. Does not call the API. */
export function endSession(reason: SessionEndReason | null): void {
  generation += 1;
  clearTimeout(refreshTimer);
  clearAccessToken(reason);
  const message: SyncMessage = { type: 'signed-out', reason };
  channel?.postMessage(message);
}

function scheduleRefresh(lifetimeMs: number): void {
  clearTimeout(refreshTimer);
  const leadMs = Math.min(REFRESH_LEAD_SECONDS * 1000, lifetimeMs / 5);
  refreshTimer = setTimeout(() => void scheduledRefresh(), Math.max(lifetimeMs - leadMs, 0));
}

async function scheduledRefresh(): Promise<void> {
  if (getSessionSnapshot().status !== 'signed-in') return;
  const token = await refreshSession();
  const stillValidMs = getAccessTokenExpiry() - Date.now();
  if (token === null && getSessionSnapshot().status === 'signed-in' && stillValidMs > 0) {
    // The server was unreachable: the current token still works for a while, so try again.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(
      () => void scheduledRefresh(),
      Math.min(RETRY_AFTER_NETWORK_ERROR_MS, stillValidMs),
    );
  }
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
 * and tabs take turns (Web Locks) because the server revokes the whole token family when a
 * rotated refresh token is presented twice. Resolves to the new token, or null: when the
 * server refuses, the session has ended; when it could not be reached, the state is unchanged
 * (except on page load, where there is no session to keep). Never revives an ended session.
 */
export function refreshSession(): Promise<string | null> {
  // A session that ended (sign-out, automatic logoff) comes back only through the sign-in
  // form: even if the logout request never reached the server and the cookie still works.
  if (getSessionSnapshot().status === 'signed-out') return Promise.resolve(null);
  if (!refreshInFlight) {
    // Taken now, not once the lock is granted: the session may end while this one waits.
    const startedIn = generation;
    const wasSignedIn = getSessionSnapshot().status === 'signed-in';
    refreshInFlight = withRefreshLock(() => requestRefresh(startedIn, wasSignedIn)).finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

/** On page load: restore the session from the refresh cookie, if there is one. */
export function restoreSession(): Promise<string | null> {
  if (getSessionSnapshot().status !== 'unknown') return Promise.resolve(null);
  return refreshSession();
}

async function requestRefresh(startedIn: number, wasSignedIn: boolean): Promise<string | null> {
  if (startedIn !== generation) return null;
  let response: Response;
  try {
    response = await globalThis.fetch(`${apiBaseUrl()}/auth/refresh`, {
      method: 'POST',
      headers: { ...TOKEN_DELIVERY_HEADER, Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    if (!wasSignedIn && startedIn === generation) endSession(null);
    return null;
  }
  if (startedIn !== generation) return null;
  if (response.status >= 500 && wasSignedIn) return null; // a hiccup: the token may still work
  if (!response.ok) {
    endSession(wasSignedIn ? 'expired' : null);
    return null;
  }
  const token = (await response.json()) as TokenResponse;
  if (startedIn !== generation) return null;
  establishSession(token);
  return token.access_token;
}

async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task(); // jsdom, old browsers
  return await locks.request(REFRESH_LOCK, task);
}

/**
 * Follows sign-outs made in the browser's other tabs, so no tab keeps showing records after
 * the person signed out elsewhere. Returns the function that stops following.
 */
export function startSessionSync(): () => void {
  if (typeof BroadcastChannel === 'undefined' || channel) return () => {};
  const current = new BroadcastChannel(SYNC_CHANNEL);
  current.onmessage = (event: MessageEvent<SyncMessage>) => {
    if (event.data?.type === 'signed-out' && getSessionSnapshot().status === 'signed-in') {
      generation += 1;
      clearTimeout(refreshTimer);
      clearAccessToken(event.data.reason);
    }
  };
  channel = current;
  return () => {
    current.close();
    if (channel === current) channel = null;
  };
}

/** Forgets timers and in-flight requests. For tests. */
export function resetSession(): void {
  clearTimeout(refreshTimer);
  refreshInFlight = null;
}
