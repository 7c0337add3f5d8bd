import type { Schemas, Versioned } from '@/lib/api-client';

export type Specialist = Schemas['SpecialistRead'];
export type SpecialistChanges = Schemas['SpecialistUpdate'];

/** A profile with the ETag its GET answered, for the `If-Match` of a change. */
export type VersionedSpecialist = Versioned<Specialist>;
