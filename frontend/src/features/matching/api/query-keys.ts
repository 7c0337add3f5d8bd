/** Query keys of the matching domain; every change to a match refreshes these. */
export const matchKeys = {
  matches: (participantId: string) => ['matches', participantId] as const,
  suggestions: (participantId: string) => ['match-suggestions', participantId] as const,
  preferences: (participantId: string) => ['matching-preferences', participantId] as const,
  balance: () => ['caseload-balance'] as const,
};
