import { useMutation } from '@tanstack/react-query';

import { apiBaseUrl, TOKEN_DELIVERY_HEADER } from '@/lib/api-base';
import { endSession } from '@/lib/auth/session';
import type { SessionEndReason } from '@/lib/auth/token-store';

/**
 * Ends the session here at once (the page stops showing records, the query cache is cleared
 * by the app), then asks the server to revoke the refresh token and clear its cookie. The
 * server's answer cannot undo the local sign-out, so failures are ignored.
 */
export async function signOut(reason: SessionEndReason = 'signed-out'): Promise<void> {
  endSession(reason);
  try {
    // The browser sends the HttpOnly refresh cookie; there is no body.
    await globalThis.fetch(`${apiBaseUrl()}/auth/logout`, {
      method: 'POST',
      headers: { ...TOKEN_DELIVERY_HEADER },
      credentials: 'same-origin',
      keepalive: true,
    });
  } catch {
    // Offline: the refresh token expires on its own; this tab holds nothing any more.
  }
}

export function useSignOut() {
  return useMutation({ mutationFn: (reason?: SessionEndReason) => signOut(reason) });
}
