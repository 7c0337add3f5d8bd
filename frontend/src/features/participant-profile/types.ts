import type { Schemas, Versioned } from '@/lib/api-client';

export type Participant = Schemas['ParticipantRead'];
export type ParticipantChanges = Schemas['ParticipantUpdate'];

/** The participant with the ETag its GET answered, for the `If-Match` of a change. */
export type VersionedParticipant = Versioned<Participant>;
