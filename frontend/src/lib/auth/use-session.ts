import { useSyncExternalStore } from 'react';

import { getSessionSnapshot, subscribeToSession, type SessionSnapshot } from './token-store';

/** The session's status (`unknown` until the silent refresh on load answers) and why it ended. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(subscribeToSession, getSessionSnapshot, getSessionSnapshot);
}
