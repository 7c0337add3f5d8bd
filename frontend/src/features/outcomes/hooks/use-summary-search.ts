import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { SummaryGrouping } from '../types';

export interface SummarySearch {
  groupBy: SummaryGrouping;
  /** The intake quarter shown (e.g. `2025-Q3`) when grouped by quarter; empty: the latest. */
  quarter: string;
}

/** The dashboard's grouping and quarter, kept in the address (`?group=quarter&quarter=2025-Q3`). */
export function useSummarySearch() {
  const [params, setParams] = useSearchParams();

  const search: SummarySearch = useMemo(
    () => ({
      groupBy: params.get('group') === 'quarter' ? 'intake_quarter' : 'organisation',
      quarter: params.get('quarter') ?? '',
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<SummarySearch>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (changes.groupBy !== undefined) {
            if (changes.groupBy === 'intake_quarter') next.set('group', 'quarter');
            else {
              next.delete('group');
              next.delete('quarter');
            }
          }
          if (changes.quarter !== undefined) {
            if (changes.quarter) next.set('quarter', changes.quarter);
            else next.delete('quarter');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { search, update };
}
