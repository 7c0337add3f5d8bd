import type { Alert } from '../types';

export const JOSE_ID = '00000000-0000-4000-8000-0000000000bb';

export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  const now = new Date().toISOString();
  return {
    id: 'alert-1',
    organisation_id: '00000000-0000-4000-8000-0000000000aa',
    participant_id: JOSE_ID,
    participant_preferred_name: 'José Ramírez',
    severity: 'crisis',
    source: 'crisis_event',
    source_id: 'event-1',
    status: 'open',
    assignee_user_id: '00000000-0000-4000-8000-000000000001',
    escalated_at: null,
    acknowledged_at: null,
    acknowledged_by_user_id: null,
    resolved_at: null,
    resolved_by_user_id: null,
    resolution_note: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** An EventSource stand-in: tests open, feed and break the stream by hand. */
export class MockEventSource {
  static instances: MockEventSource[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;

  readonly url: string;
  readyState = MockEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  constructor(url: string | URL) {
    this.url = String(url);
    MockEventSource.instances.push(this);
  }

  static latest(): MockEventSource {
    const latest = MockEventSource.instances[MockEventSource.instances.length - 1];
    if (!latest) throw new Error('no EventSource was opened');
    return latest;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((item) => item !== listener));
  }

  close() {
    this.readyState = MockEventSource.CLOSED;
  }

  get closed() {
    return this.readyState === MockEventSource.CLOSED;
  }

  open() {
    this.readyState = MockEventSource.OPEN;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  fail() {
    this.readyState = MockEventSource.CONNECTING;
    this.onerror?.(new Event('error'));
  }
}
