import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** Deactivates an account and ends its sessions (409 for one's own account). */
export function deactivateUser(userId: string) {
  return unwrap(api.POST('/users/{user_id}/deactivate', { params: { path: { user_id: userId } } }));
}

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
