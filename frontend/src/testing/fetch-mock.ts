/**
 * A small stand-in for the API: `mockApi({ 'GET /me': () => json(user) })` stubs
 * globalThis.fetch (which the API client and the session call at request time) and records
 * every request. Keys are `METHOD /path` relative to /api/v1, with `{param}` placeholders; a
 * list of handlers answers in turn and then repeats its last one. Unknown requests fail the
 * test with a 599 answer and an entry in `unhandled`.
 */
import { vi } from 'vitest';

import { API_PREFIX } from '@/lib/api-base';

export type Handler = (request: Request) => Response | Promise<Response>;

export interface ApiMock {
  /** Clones of every request, in order, bodies unread. */
  requests: Request[];
  /** The requests to one route key, e.g. `calls('POST /auth/refresh')`. */
  calls: (key: string) => Request[];
  unhandled: string[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `https://prss.example.org/problems/${status}`, title: 'Problem', status, detail, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-ID': 'req-test' } },
  );
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function routeMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/\{[^/]+\}/g, '[^/]+')}$`);
  return regex.test(path);
}

export function mockApi(routes: Record<string, Handler | Handler[]>): ApiMock {
  const requests: Request[] = [];
  const unhandled: string[] = [];
  const counters = new Map<string, number>();
  const keyOf = new WeakMap<Request, string>();

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const key = Object.keys(routes).find((candidate) => {
      const [method, pattern] = candidate.split(' ');
      return method === request.method && pattern !== undefined && routeMatches(pattern, path);
    });
    const copy = request.clone();
    requests.push(copy);
    if (!key) {
      unhandled.push(`${request.method} ${path}`);
      return new Response('unhandled in test', { status: 599 });
    }
    keyOf.set(copy, key);
    const handlers = routes[key];
    const list = Array.isArray(handlers) ? handlers : [handlers as Handler];
    const count = counters.get(key) ?? 0;
    counters.set(key, count + 1);
    const handler = list[Math.min(count, list.length - 1)] as Handler;
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    unhandled,
    calls: (key) => requests.filter((request) => keyOf.get(request) === key),
  };
}

/** fetch as if the network were down. */
export function mockNetworkDown(): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
}
