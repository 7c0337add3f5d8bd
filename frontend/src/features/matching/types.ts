import type { Schemas, Versioned } from '@/lib/api-client';

export type PeerMatch = Schemas['MatchRead'];
export type MatchStatus = PeerMatch['status'];
export type Suggestion = Schemas['SuggestionRead'];
export type CriterionPoints = Schemas['CriterionRead'];
export type Criterion = CriterionPoints['criterion'];
export type MatchingPreferences = Schemas['MatchingPreferencesRead'];
export type MatchingPreferencesWrite = Schemas['MatchingPreferencesWrite'];
export type CaseloadBalance = Schemas['CaseloadBalance'];
export type SpecialistBalance = Schemas['SpecialistBalance'];
export type WaitingParticipant = Schemas['WaitingParticipant'];

/** The preferences with the ETag their GET answered, for the `If-Match` of a change. */
export type VersionedPreferences = Versioned<MatchingPreferences>;
