import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { ConsentCreate } from '../types';

export function createConsent(participantId: string, body: ConsentCreate) {
  return unwrap(
    api.POST('/participants/{participant_id}/consents', {
      params: { path: { participant_id: participantId } },
      body,
    }),
  );
}

export function useCreateConsent(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) => createConsent(participantId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consents', participantId] }),
  });
}
