import type { Schemas } from '@/lib/api-client';

export type Encounter = Schemas['EncounterRead'];
export type EncounterCreate = Schemas['EncounterCreate'];
export type EncounterMode = Encounter['mode'];
export type Dimension = Encounter['dimensions'][number];
