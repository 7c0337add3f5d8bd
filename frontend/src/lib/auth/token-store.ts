/**
 * The access token, held in this module's memory and nowhere else: never localStorage,
 * sessionStorage, a readable cookie or the URL, so a script injected into the page cannot find
 * it after a reload and it dies with the tab. The refresh token is an HttpOnly cookie that
 * scripts never see; after a reload the session is restored by a refresh (see session.ts).
 */

export type SessionStatus =
  /** Not known yet: the silent refresh after page load has not answered. */
  | 'unknown'
  | 'signed-in'
  | 'signed-out';

/** Why the last session ended, for the sign-in page to explain it. */
export type SessionEndReason = 'signed-out' | 'idle' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  endReason: SessionEndReason | null;
}

let accessToken: string | null = null;
let expiresAt = 0;
let snapshot: SessionSnapshot = { status: 'unknown', endReason: null };
const listeners = new Set<() => void>();

function publish(next: SessionSnapshot): void {
  if (next.status === snapshot.status && next.endReason === snapshot.endReason) return;
  snapshot = next;
  for (const listener of listeners) listener();
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** Epoch milliseconds when the access token expires (0 when there is none). */
export function getAccessTokenExpiry(): number {
  return expiresAt;
}

export function setAccessToken(token: string, expiresInSeconds: number): void {
  accessToken = token;
  expiresAt = Date.now() + expiresInSeconds * 1000;
  publish({ status: 'signed-in', endReason: null });
}

export function clearAccessToken(reason: SessionEndReason | null): void {
  accessToken = null;
  expiresAt = 0;
  publish({ status: 'signed-out', endReason: reason });
}

export function getSessionSnapshot(): SessionSnapshot {
  return snapshot;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the state of a freshly loaded page. For tests. */
export function resetTokenStore(): void {
  accessToken = null;
  expiresAt = 0;
  snapshot = { status: 'unknown', endReason: null };
  for (const listener of listeners) listener();
}
