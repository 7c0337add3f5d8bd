import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import type { CaseloadFilters, ParticipantStatus, RiskLevel } from '../api/get-caseload';
import { SORT_KEYS, type SortKey } from '../caseload-order';

export const RISK_LEVELS: readonly RiskLevel[] = ['crisis', 'high', 'elevated', 'low'];
export const STATUSES: readonly ParticipantStatus[] = ['active', 'withdrawn', 'discharged'];
export const DEFAULT_STATUS: ParticipantStatus = 'active';
export const DEFAULT_SORT: SortKey = 'risk';

export interface CaseloadSearch {
  q: string;
  risk_level: RiskLevel | '';
  status: ParticipantStatus;
  specialist_id: string;
  sort: SortKey;
}

type Param = keyof CaseloadSearch;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * The search, filters and order of a participant list, kept in the address's query string
 * (`?q=&risk_level=&status=&specialist_id=&sort=`) so a reload, a shared link or the back
 * button brings back the same view. Unknown values are ignored; defaults are left out.
 */
export function useCaseloadSearch() {
  const [params, setParams] = useSearchParams();

  const search: CaseloadSearch = useMemo(
    () => ({
      q: (params.get('q') ?? '').trim(),
      risk_level: oneOf(params.get('risk_level'), RISK_LEVELS) ?? '',
      status: oneOf(params.get('status'), STATUSES) ?? DEFAULT_STATUS,
      specialist_id: params.get('specialist_id') ?? '',
      sort: oneOf(params.get('sort'), SORT_KEYS) ?? DEFAULT_SORT,
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<CaseloadSearch>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes) as [Param, string][]) {
            const isDefault =
              value === '' ||
              (name === 'status' && value === DEFAULT_STATUS) ||
              (name === 'sort' && value === DEFAULT_SORT);
            if (isDefault) next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        // Each keystroke or choice replaces the entry: Back leaves the page, as people expect.
        { replace: true },
      );
    },
    [setParams],
  );

  const filters: CaseloadFilters = useMemo(
    () => ({
      ...(search.q && { q: search.q }),
      ...(search.risk_level && { risk_level: search.risk_level }),
      status: search.status,
      ...(search.specialist_id && { specialist_id: search.specialist_id }),
    }),
    [search],
  );

  const isFiltered = Boolean(search.q || search.risk_level || search.specialist_id || search.status !== DEFAULT_STATUS);

  const clear = useCallback(
    () => update({ q: '', risk_level: '', status: DEFAULT_STATUS, specialist_id: '' }),
    [update],
  );

  return { search, filters, update, clear, isFiltered };
}
