/** Query keys of the crisis domain: every change to a participant's crisis plan refreshes these. */
export const crisisKeys = {
  contacts: (participantId: string) => ['crisis-contacts', participantId] as const,
  safetyPlan: (participantId: string) => ['safety-plan', participantId] as const,
  safetyPlanVersions: (participantId: string) => ['safety-plan-versions', participantId] as const,
  safetyPlanVersion: (participantId: string, version: number) =>
    ['safety-plan-versions', participantId, version] as const,
  /** The participant's own crisis plan (`/me/crisis-plan`). */
  myCrisisPlan: (participantId: string) => ['crisis-plan', participantId] as const,
};
