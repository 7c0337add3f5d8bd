import type { AlertFilters } from './get-alerts';

/** Every alert query starts with `['alerts']`: a live alert refreshes them all. */
export const alertKeys = {
  all: () => ['alerts'] as const,
  list: (filters: AlertFilters) => ['alerts', 'list', filters] as const,
};
