import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export interface RevokeConsentInput {
  consentId: string;
  reason?: string;
}

export function revokeConsent({ consentId, reason }: RevokeConsentInput) {
  return unwrap(
    api.POST('/consents/{consent_id}/revoke', {
      params: { path: { consent_id: consentId } },
      body: reason ? { reason } : {},
    }),
  );
}

/** Revocation takes effect at once and is final; revoking enrolment withdraws the participant. */
export function useRevokeConsent(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeConsent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['consents', participantId] }),
  });
}
