import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { alertKeys } from './query-keys';

export function acknowledgeAlert(alertId: string) {
  return unwrap(api.POST('/alerts/{alert_id}/acknowledge', { params: { path: { alert_id: alertId } } }));
}

/** Takes an open alert on, which stops its escalation (409 when it is no longer open). */
export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    // After a 409 too: someone else acted on it, and the list should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all() }),
  });
}
