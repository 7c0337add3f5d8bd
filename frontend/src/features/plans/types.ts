import type { Schemas } from '@/lib/api-client';

export type Plan = Schemas['PlanRead'];
export type PlanSummary = Schemas['PlanSummaryRead'];
export type Goal = Schemas['GoalRead'];
export type Step = Schemas['StepRead'];
export type Dimension = Goal['dimension'];
export type GoalStatus = Goal['status'];
export type DimensionProgress = Plan['progress']['health'];

/** A record with the ETag its GET answered, for a later `If-Match`. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}
