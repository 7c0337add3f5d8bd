import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateAfterMatchChange } from './invalidate';

export function acceptMatch(matchId: string) {
  return unwrap(api.POST('/matches/{match_id}/accept', { params: { path: { match_id: matchId } } }));
}

/** The participant's choice: the proposal becomes the active match (409 when the specialist has no space). */
export function useAcceptMatch(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptMatch,
    // A refusal may mean the proposal changed meanwhile: show what is on record either way.
    onSettled: () => invalidateAfterMatchChange(queryClient, participantId),
  });
}
