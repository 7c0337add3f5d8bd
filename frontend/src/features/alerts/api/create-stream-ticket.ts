import { api, unwrap } from '@/lib/api-client';

/** A one-time ticket (valid 60 s) for opening `GET /alerts/stream` with EventSource. */
export function createStreamTicket() {
  return unwrap(api.POST('/alerts/stream-ticket'));
}
