import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateAfterMatchChange } from './invalidate';

export interface EndMatchInput {
  matchId: string;
  reason: string;
}

export function endMatch({ matchId, reason }: EndMatchInput) {
  return unwrap(
    api.POST('/matches/{match_id}/end', { params: { path: { match_id: matchId } }, body: { reason } }),
  );
}

/** Ends an active match or withdraws a proposal (history is kept); a reason is required. */
export function useEndMatch(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endMatch,
    onSettled: () => invalidateAfterMatchChange(queryClient, participantId),
  });
}
