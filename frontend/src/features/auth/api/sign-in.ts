import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { TOKEN_DELIVERY_HEADER } from '@/lib/api-base';
import { currentUserQueryOptions } from '@/lib/auth/current-user';
import { establishSession } from '@/lib/auth/session';

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * OAuth2 password grant. With `X-Token-Delivery: cookie` the server keeps the refresh token
 * out of the JSON and sets it as an HttpOnly cookie; the access token stays in memory.
 */
export async function signIn({ email, password }: SignInInput): Promise<void> {
  const token = await unwrap(
    api.POST('/auth/token', {
      body: { grant_type: 'password', username: email, password },
      bodySerializer: (body) =>
        new URLSearchParams({
          grant_type: body.grant_type,
          username: body.username ?? '',
          password: body.password ?? '',
        }).toString(),
      headers: { ...TOKEN_DELIVERY_HEADER, 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
  establishSession(token);
}

/** Signs in, then loads the account so the app knows the role before it navigates. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      await signIn(input);
      return queryClient.fetchQuery(currentUserQueryOptions());
    },
  });
}
