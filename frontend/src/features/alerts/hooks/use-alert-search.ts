import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { AlertFilters } from '../api/get-alerts';
import type { AlertSeverity, AlertSource, AlertStatus } from '../types';

/** The status filter: one status, all of them, or the default "still to do" (not resolved). */
export const STATUS_CHOICES = ['unresolved', 'open', 'acknowledged', 'resolved', 'all'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];
export const DEFAULT_STATUS: StatusChoice = 'unresolved';

export const SEVERITIES: readonly AlertSeverity[] = ['crisis', 'high'];
export const SOURCES: readonly AlertSource[] = ['crisis_event', 'check_in', 'assessment'];

export interface AlertSearch {
  status: StatusChoice;
  severity: AlertSeverity | '';
  source: AlertSource | '';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

const STATUSES_OF: Record<StatusChoice, AlertStatus[] | undefined> = {
  unresolved: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  all: undefined,
};

/**
 * The alert list's filters, kept in the address (`?status=&severity=&source=`) so a reload or
 * the back button brings back the same view. Unknown values are ignored; defaults left out.
 */
export function useAlertSearch() {
  const [params, setParams] = useSearchParams();

  const search: AlertSearch = useMemo(
    () => ({
      status: oneOf(params.get('status'), STATUS_CHOICES) ?? DEFAULT_STATUS,
      severity: oneOf(params.get('severity'), SEVERITIES) ?? '',
      source: oneOf(params.get('source'), SOURCES) ?? '',
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<AlertSearch>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === '' || (name === 'status' && value === DEFAULT_STATUS)) next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const filters: AlertFilters = useMemo(() => {
    const statuses = STATUSES_OF[search.status];
    return {
      ...(statuses && { status: statuses }),
      ...(search.severity && { severity: search.severity }),
      ...(search.source && { source: search.source }),
    };
  }, [search]);

  const isFiltered = search.status !== DEFAULT_STATUS || Boolean(search.severity || search.source);
  const clear = useCallback(() => update({ status: DEFAULT_STATUS, severity: '', source: '' }), [update]);

  return { search, filters, update, clear, isFiltered };
}
