import type { Schemas } from '@/lib/api-client';

export type Specialist = Schemas['SpecialistRead'];
export type SpecialistChanges = Schemas['SpecialistUpdate'];

/** A profile with the ETag its GET answered, for the `If-Match` of a change. */
export interface VersionedSpecialist {
  value: Specialist;
  etag: string | null;
}
