import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { alertKeys } from './query-keys';

export interface ResolveAlertInput {
  alertId: string;
  /** What was done: required. */
  note: string;
}

export function resolveAlert({ alertId, note }: ResolveAlertInput) {
  return unwrap(
    api.POST('/alerts/{alert_id}/resolve', { params: { path: { alert_id: alertId } }, body: { note } }),
  );
}

/** Closes an alert, open or acknowledged, with a note on what was done. */
export function useResolveAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveAlert,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all() }),
  });
}
