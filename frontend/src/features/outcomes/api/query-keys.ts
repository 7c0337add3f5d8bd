import type { DueFilters } from './get-due-surveys';

import type { SummaryGrouping } from '../types';

/**
 * Query keys of the outcomes domain. Recording or correcting a survey refreshes the
 * participant's surveys, every due list (`['outcomes-due']`) and the summary.
 */
export const outcomeKeys = {
  surveys: (participantId: string) => ['outcome-surveys', participantId] as const,
  survey: (surveyId: string) => ['outcome-survey', surveyId] as const,
  dueAll: ['outcomes-due'] as const,
  due: (filters: DueFilters) => ['outcomes-due', 'list', filters] as const,
  dueFor: (participantId: string) => ['outcomes-due', 'participant', participantId] as const,
  summaryAll: ['outcomes-summary'] as const,
  summary: (groupBy: SummaryGrouping) => ['outcomes-summary', groupBy] as const,
};
