import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateAfterMatchChange } from './invalidate';

export interface DeclineMatchInput {
  matchId: string;
  reason?: string;
}

export function declineMatch({ matchId, reason }: DeclineMatchInput) {
  return unwrap(
    api.POST('/matches/{match_id}/decline', {
      params: { path: { match_id: matchId } },
      body: reason ? { reason } : {},
    }),
  );
}

/** The participant says no to a proposal; the reason is optional. */
export function useDeclineMatch(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineMatch,
    onSettled: () => invalidateAfterMatchChange(queryClient, participantId),
  });
}
