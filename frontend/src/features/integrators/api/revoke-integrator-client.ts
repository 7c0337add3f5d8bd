import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** Revokes a client: its secret and its unexpired tokens stop working at once. */
export function revokeIntegratorClient(clientId: string) {
  return unwrap(api.DELETE('/integrator-clients/{client_id}', { params: { path: { client_id: clientId } } }));
}

export function useRevokeIntegratorClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeIntegratorClient,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['integrator-clients'] }),
  });
}
