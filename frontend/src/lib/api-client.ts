/**
 * The typed API client. Paths are those of openapi.json without the `/api/v1` prefix
 * (`api.GET('/participants/{participant_id}', ...)`); request and response types come from
 * the generated api-schema.d.ts (`npm run generate:api`).
 *
 * Middleware adds `Authorization: Bearer <token>` from the in-memory token store and, when the
 * API answers 401, refreshes the session once and retries the request once.
 */
import createClient, { type Middleware } from 'openapi-fetch';

import { API_PREFIX, apiBaseUrl } from '@/lib/api-base';
import type { components, paths } from '@/lib/api-schema';
import { endSession, refreshSession } from '@/lib/auth/session';
import { getAccessToken } from '@/lib/auth/token-store';
import { ProblemError } from '@/lib/problem';

type WithoutPrefix<P> = {
  [K in keyof P as K extends `${typeof API_PREFIX}${infer Rest}` ? Rest : never]: P[K];
};

/** The API's paths as the client spells them: relative to /api/v1. */
export type ApiPaths = WithoutPrefix<paths>;
/** The API's schemas: `Schemas['MeRead']`, `Schemas['CaseloadEntry']`, ... */
export type Schemas = components['schemas'];

// /auth/* answers 401 for a wrong password or a spent refresh token: never refresh-and-retry it.
function isAuthEndpoint(url: string): boolean {
  return new URL(url).pathname.startsWith(`${API_PREFIX}/auth/`);
}

// A request's body can be read once: keep a copy of each request until its answer is in, so a
// request refused for an expired token can be sent again.
const pendingCopies = new Map<string, Request>();

export const authMiddleware: Middleware = {
  onRequest({ request, id }) {
    if (isAuthEndpoint(request.url)) return undefined;
    const token = getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    pendingCopies.set(id, request.clone());
    return request;
  },

  async onResponse({ response, id, options }) {
    const copy = pendingCopies.get(id);
    pendingCopies.delete(id);
    if (response.status !== 401 || !copy) return undefined;

    const token = await refreshSession();
    if (!token) return response; // the session has ended; the app shows sign-in

    const retry = new Request(copy, { headers: new Headers(copy.headers) });
    retry.headers.set('Authorization', `Bearer ${token}`);
    const second = await options.fetch(retry);
    // A fresh token refused too: the account was deactivated or its sessions revoked.
    if (second.status === 401) endSession('expired');
    return second;
  },

  onError({ id, error }) {
    pendingCopies.delete(id);
    return error instanceof Error ? error : new Error(String(error));
  },
};

export const api = createClient<ApiPaths>({
  baseUrl: apiBaseUrl(),
  // Resolve fetch at call time, so tests can stub globalThis.fetch.
  fetch: (request) => globalThis.fetch(request),
  credentials: 'same-origin',
});
api.use(authMiddleware);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an `api.*` call and returns its data, or throws a `ProblemError` (also when the
 * server could not be reached). Use it in every fetcher so queries and mutations fail with
 * one error type:
 *
 *     const me = await unwrap(api.GET('/me'));
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw ProblemError.network(cause);
  }
  if (!result.response.ok) throw ProblemError.fromResponse(result.error, result.response);
  return result.data as T;
}

/** A record with the ETag its answer carried, for the `If-Match` of a later change. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

/**
 * `unwrap` for a call whose answer carries an `ETag`: the data, and the ETag (null when the
 * server sent none).
 *
 *     const { value, etag } = await unwrapVersioned(api.GET('/goals/{goal_id}', ...));
 */
export async function unwrapVersioned<T>(call: Promise<ApiResult<T>>): Promise<Versioned<T>> {
  let etag: string | null = null;
  const value = await unwrap(
    call.then((result) => {
      etag = result.response.headers.get('ETag');
      return result;
    }),
  );
  return { value, etag };
}
