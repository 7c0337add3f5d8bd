import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { DueFilters } from '../api/get-due-surveys';
import type { DueStatus } from '../types';

/** The status filter: one status, "due or overdue", or everything (the default). */
export const STATUS_CHOICES = ['all', 'due-or-overdue', 'overdue', 'due', 'upcoming'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];
export const DEFAULT_STATUS: StatusChoice = 'all';

/** How far ahead "coming up" looks, in days. */
export const HORIZONS = [30, 60, 90, 180] as const;
export type Horizon = (typeof HORIZONS)[number];
export const DEFAULT_HORIZON: Horizon = 30;

const STATUSES_OF: Record<StatusChoice, DueStatus[] | undefined> = {
  all: undefined,
  'due-or-overdue': ['due', 'overdue'],
  overdue: ['overdue'],
  due: ['due'],
  upcoming: ['upcoming'],
};

export interface DueSearch {
  status: StatusChoice;
  horizon: Horizon;
}

/**
 * The due list's filters, kept in the address (`?status=&horizon=`) so a reload or the back
 * button brings back the same view. Unknown values are ignored; defaults are left out.
 */
export function useDueSearch() {
  const [params, setParams] = useSearchParams();

  const search: DueSearch = useMemo(
    () => ({
      status: STATUS_CHOICES.find((choice) => choice === params.get('status')) ?? DEFAULT_STATUS,
      horizon: HORIZONS.find((days) => String(days) === params.get('horizon')) ?? DEFAULT_HORIZON,
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<DueSearch>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (changes.status !== undefined) {
            if (changes.status === DEFAULT_STATUS) next.delete('status');
            else next.set('status', changes.status);
          }
          if (changes.horizon !== undefined) {
            if (changes.horizon === DEFAULT_HORIZON) next.delete('horizon');
            else next.set('horizon', String(changes.horizon));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const filters: DueFilters = useMemo(() => {
    const statuses = STATUSES_OF[search.status];
    return {
      ...(statuses && { status: statuses }),
      ...(search.horizon !== DEFAULT_HORIZON && { horizon_days: search.horizon }),
    };
  }, [search]);

  const isFiltered = search.status !== DEFAULT_STATUS || search.horizon !== DEFAULT_HORIZON;
  const clear = useCallback(() => update({ status: DEFAULT_STATUS, horizon: DEFAULT_HORIZON }), [update]);

  return { search, filters, update, clear, isFiltered };
}
