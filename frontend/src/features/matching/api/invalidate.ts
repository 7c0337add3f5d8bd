import type { QueryClient } from '@tanstack/react-query';

import { matchKeys } from './query-keys';

/**
 * After any change to a participant's matches: the matches, the suggestions (an open match
 * takes its specialist out of them), the caseload balance and the caseloads are out of date.
 */
export function invalidateAfterMatchChange(queryClient: QueryClient, participantId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: matchKeys.matches(participantId) }),
    queryClient.invalidateQueries({ queryKey: matchKeys.suggestions(participantId) }),
    queryClient.invalidateQueries({ queryKey: matchKeys.balance() }),
    queryClient.invalidateQueries({ queryKey: ['caseload'] }),
  ]);
}
