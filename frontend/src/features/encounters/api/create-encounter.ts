import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { EncounterCreate } from '../types';

export function createEncounter(participantId: string, body: EncounterCreate) {
  return unwrap(
    api.POST('/participants/{participant_id}/encounters', {
      params: { path: { participant_id: participantId } },
      body,
    }),
  );
}

/** Logs a contact; the answer carries its billable units. */
export function useCreateEncounter(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EncounterCreate) => createEncounter(participantId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['encounters', participantId] }),
  });
}
