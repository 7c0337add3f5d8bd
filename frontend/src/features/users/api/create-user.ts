import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type UserCreate = Schemas['UserCreate'];

export function createUser(body: UserCreate) {
  return unwrap(api.POST('/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
