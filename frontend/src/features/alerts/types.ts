import type { Schemas } from '@/lib/api-client';

export type Alert = Schemas['AlertRead'];
export type AlertStatus = Alert['status'];
export type AlertSeverity = Alert['severity'];
export type AlertSource = Alert['source'];
