import { useEffect, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

import type { ParticipantStatus, RiskLevel } from '../api/get-caseload';
import type { Specialist } from '../api/get-specialists';
import { SORT_LABELS, type SortKey } from '../caseload-order';
import { RISK_LEVELS, STATUSES, type CaseloadSearch } from '../hooks/use-caseload-search';

export const SEARCH_DEBOUNCE_MS = 300;

const RISK_LABELS: Record<RiskLevel, string> = {
  crisis: 'Crisis',
  high: 'High',
  elevated: 'Elevated',
  low: 'Low',
};

const STATUS_LABELS: Record<ParticipantStatus, string> = {
  active: 'Active',
  withdrawn: 'Withdrawn',
  discharged: 'Discharged',
};

export function statusLabel(status: ParticipantStatus): string {
  return STATUS_LABELS[status];
}

interface CaseloadFiltersProps {
  search: CaseloadSearch;
  onChange: (changes: Partial<CaseloadSearch>) => void;
  onClear: () => void;
  isFiltered: boolean;
  /** The orders offered in "Sort by". */
  sortKeys: readonly SortKey[];
  /** Adds the "Specialist" filter (supervisors and admins), its choices once they are loaded. */
  specialistFilter?: { specialists: readonly Specialist[] | undefined } | undefined;
}

/**
 * Search by name (sent to the server a moment after typing stops, or at once on Enter),
 * risk and status filters, the specialist filter when given, and the order.
 */
export function CaseloadFilters({
  search,
  onChange,
  onClear,
  isFiltered,
  sortKeys,
  specialistFilter,
}: CaseloadFiltersProps) {
  const specialists = specialistFilter?.specialists ?? [];
  const [text, setText] = useState(search.q);
  const latest = useRef({ q: search.q, onChange });
  latest.current = { q: search.q, onChange };

  // The address changed by itself (Back, "Clear filters"): show its search in the box.
  useEffect(() => {
    setText((current) => (current.trim() === search.q ? current : search.q));
  }, [search.q]);

  // Search once typing pauses.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === latest.current.q) return undefined;
    const timer = window.setTimeout(() => latest.current.onChange({ q: trimmed }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ q: text.trim() });
  }

  const riskOptions: SelectOption[] = [
    { value: '', label: 'All risk levels' },
    ...RISK_LEVELS.map((level) => ({ value: level, label: RISK_LABELS[level] })),
  ];
  const statusOptions: SelectOption[] = STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));
  const sortOptions: SelectOption[] = sortKeys.map((key) => ({ value: key, label: SORT_LABELS[key] }));

  return (
    <form role="search" aria-label="Find participants" className="list-filters" onSubmit={onSubmit} noValidate>
      <TextField
        className="list-filters__search"
        label="Search by name"
        type="search"
        name="q"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <SelectField
        label="Risk level"
        name="risk_level"
        value={search.risk_level}
        options={riskOptions}
        onChange={(event) => onChange({ risk_level: event.target.value as RiskLevel | '' })}
      />
      <SelectField
        label="Status"
        name="status"
        value={search.status}
        options={statusOptions}
        onChange={(event) => onChange({ status: event.target.value as ParticipantStatus })}
      />
      {specialistFilter && (
        <SelectField
          label="Specialist"
          name="specialist_id"
          value={search.specialist_id}
          onChange={(event) => onChange({ specialist_id: event.target.value })}
        >
          <option value="">All specialists</option>
          {specialists.map((specialist) => (
            <option key={specialist.id} value={specialist.id}>
              {specialist.display_name} ({specialist.active_caseload} of {specialist.max_caseload})
            </option>
          ))}
          {search.specialist_id && !specialists.some((specialist) => specialist.id === search.specialist_id) && (
            <option value={search.specialist_id}>
              {specialistFilter.specialists ? 'A specialist no longer listed' : 'Loading specialists…'}
            </option>
          )}
        </SelectField>
      )}
      <SelectField
        label="Sort by"
        name="sort"
        value={search.sort}
        options={sortOptions}
        onChange={(event) => onChange({ sort: event.target.value as SortKey })}
      />
      {isFiltered && (
        <div className="list-filters__clear">
          <Button variant="quiet" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}
