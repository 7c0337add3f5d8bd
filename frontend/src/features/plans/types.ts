import type { Schemas } from '@/lib/api-client';

export type Plan = Schemas['PlanRead'];
export type PlanSummary = Schemas['PlanSummaryRead'];
export type Goal = Schemas['GoalRead'];
export type Step = Schemas['StepRead'];
export type Dimension = Goal['dimension'];
export type GoalStatus = Goal['status'];
export type DimensionProgress = Plan['progress']['health'];

export type { Versioned } from '@/lib/api-client';
