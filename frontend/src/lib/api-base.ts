/** Where the API lives: the SPA and the API share one origin (the dev server proxies /api). */
export const API_PREFIX = '/api/v1';

// openapi-fetch needs an absolute base URL (relative URLs fail under jsdom and in workers).
export function apiBaseUrl(): string {
  return `${window.location.origin}${API_PREFIX}`;
}

/** Asks /auth/token, /auth/refresh and /auth/logout to keep the refresh token in an HttpOnly cookie. */
export const TOKEN_DELIVERY_HEADER = { 'X-Token-Delivery': 'cookie' } as const;
