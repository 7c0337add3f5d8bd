import type { Schemas } from '@/lib/api-client';

export type CrisisContact = Schemas['CrisisContactRead'];
export type ContactKind = CrisisContact['kind'];
export type CrisisContactCreate = Schemas['CrisisContactCreate'];
export type CrisisContactUpdate = Schemas['CrisisContactUpdate'];
export type SafetyPlan = Schemas['SafetyPlanRead'];
export type SafetyPlanWrite = Schemas['SafetyPlanWrite'];
export type CrisisPlan = Schemas['CrisisPlanRead'];
export type CrisisEvent = Schemas['CrisisEventRead'];

/** The six steps of the Stanley-Brown safety plan, as the API names them. */
export type SafetyPlanStep = keyof SafetyPlanWrite;
export type SafetyPlanSteps = Record<SafetyPlanStep, string[]>;

export type { Versioned } from '@/lib/api-client';
