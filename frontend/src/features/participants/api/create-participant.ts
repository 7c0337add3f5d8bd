import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type ParticipantCreate = Schemas['ParticipantCreate'];

/** Intake: `POST /participants`, with the enrolment consent (no consent, no intake). */
export function createParticipant(body: ParticipantCreate) {
  return unwrap(api.POST('/participants', { body }));
}

export function useCreateParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createParticipant,
    onSuccess: () => {
      // The new person shows up in every list that could hold them.
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['participants'] }),
      ]);
    },
  });
}
