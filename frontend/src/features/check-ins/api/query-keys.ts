/** Every check-in query of a participant starts with this key, so saving one refreshes all. */
export function checkInsQueryKey(participantId: string) {
  return ['check-ins', participantId] as const;
}
