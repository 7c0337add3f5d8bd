/**
 * The live alert stream: `POST /alerts/stream-ticket`, then an EventSource on
 * `GET /alerts/stream?ticket=…` (EventSource cannot send an Authorization header, so a
 * one-time ticket stands in for it).
 *
 * A ticket opens one stream only, so the browser's own reconnection (which reuses the URL)
 * cannot work: whenever the stream drops, it is closed and opened again with a fresh ticket,
 * waiting a little longer after each failure (1 s, 2 s, 4 s … at most 30 s). The stream sends
 * only what happens while it is open: callers reload the alert lists on every (re)connection.
 *
 * Its state is kept here for the whole app (one stream per tab), so the alerts page can say
 * whether it is live while the banner in the shell holds the connection.
 */
import { useSyncExternalStore } from 'react';

import { apiBaseUrl } from '@/lib/api-base';
import { isProblemError } from '@/lib/problem';

import { createStreamTicket } from './api/create-stream-ticket';
import type { Alert } from './types';

export type AlertStreamStatus =
  /** Not running: signed out, another role, or no EventSource in this browser. */
  | 'off'
  | 'connecting'
  | 'live'
  /** Dropped; a new connection is on its way. */
  | 'reconnecting';

let status: AlertStreamStatus = 'off';
const listeners = new Set<() => void>();

function setStatus(next: AlertStreamStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether new alerts arrive by themselves right now. */
export function useAlertStreamStatus(): AlertStreamStatus {
  return useSyncExternalStore(subscribe, () => status, () => status);
}

export const RECONNECT_MAX_DELAY_MS = 30_000;

export function reconnectDelay(failures: number): number {
  return Math.min(1000 * 2 ** failures, RECONNECT_MAX_DELAY_MS);
}

export interface AlertStreamHandlers {
  /** Each `alert` event: a new alert, or one escalated to the supervisors. */
  onAlert: (alert: Alert) => void;
  /** The stream is (again) open: whatever happened while it was not is not replayed. */
  onOpen: () => void;
}

function parseAlert(data: unknown): Alert | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const alert = value as Record<string, unknown>;
    return typeof alert.id === 'string' && typeof alert.participant_id === 'string' ? (value as Alert) : null;
  } catch {
    return null;
  }
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openAlertStream({ onAlert, onOpen }: AlertStreamHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let waiting = false;

  function retryLater() {
    if (stopped) return;
    setStatus('reconnecting');
    waiting = true;
    timer = setTimeout(() => {
      waiting = false;
      void connect();
    }, reconnectDelay(failures));
    failures += 1;
  }

  async function connect() {
    if (stopped) return;
    setStatus(failures === 0 ? 'connecting' : 'reconnecting');
    let ticket: string;
    try {
      ({ ticket } = await createStreamTicket());
    } catch (error) {
      // Signed out (401, after the client's own refresh failed) or not a role that sees
      // alerts (403): asking again will not help.
      if (isProblemError(error) && (error.status === 401 || error.status === 403)) {
        if (!stopped) setStatus('off');
        return;
      }
      retryLater();
      return;
    }
    if (stopped) return;
    const current = new EventSource(`${apiBaseUrl()}/alerts/stream?ticket=${encodeURIComponent(ticket)}`);
    source = current;
    current.onopen = () => {
      failures = 0;
      setStatus('live');
      onOpen();
    };
    current.addEventListener('alert', (event) => {
      const alert = parseAlert((event as MessageEvent).data);
      if (alert) onAlert(alert);
    });
    current.onerror = () => {
      if (source !== current) return;
      // The ticket is spent: the browser's retry with the same URL would be refused.
      current.close();
      source = null;
      retryLater();
    };
  }

  // Back online: no need to wait out the delay.
  function onOnline() {
    if (stopped || !waiting) return;
    clearTimeout(timer);
    waiting = false;
    failures = 0;
    void connect();
  }
  window.addEventListener('online', onOnline);

  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    source?.close();
    source = null;
    setStatus('off');
  };
}
