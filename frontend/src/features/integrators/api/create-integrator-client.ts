import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { IntegratorClientCreate } from '../types';

export function createIntegratorClient(body: IntegratorClientCreate) {
  return unwrap(api.POST('/integrator-clients', { body }));
}

/**
 * Registers a client. The answer holds its secret, which the server keeps only as a digest:
 * show it once, then `reset()` the mutation so it does not linger in memory.
 */
export function useCreateIntegratorClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIntegratorClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['integrator-clients'] }),
  });
}
