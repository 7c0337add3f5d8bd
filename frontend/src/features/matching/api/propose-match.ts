import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { invalidateAfterMatchChange } from './invalidate';

export function proposeMatch(participantId: string, specialistId: string) {
  return unwrap(
    api.POST('/participants/{participant_id}/matches', {
      params: { path: { participant_id: participantId } },
      body: { specialist_id: specialistId },
    }),
  );
}

/** Proposes a specialist; the participant then accepts or declines. 422: a hard rule is broken; 409: already open. */
export function useProposeMatch(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (specialistId: string) => proposeMatch(participantId, specialistId),
    onSuccess: () => invalidateAfterMatchChange(queryClient, participantId),
  });
}
