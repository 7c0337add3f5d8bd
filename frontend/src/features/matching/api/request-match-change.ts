import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateAfterMatchChange } from './invalidate';

export function requestMatchChange(participantId: string, reason?: string) {
  return unwrap(
    api.POST('/participants/{participant_id}/matches/request-change', {
      params: { path: { participant_id: participantId } },
      body: reason ? { reason } : {},
    }),
  );
}

/** The participant asks for a different peer: the active match ends and staff propose again. */
export function useRequestMatchChange(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason?: string) => requestMatchChange(participantId, reason),
    onSettled: () => invalidateAfterMatchChange(queryClient, participantId),
  });
}
