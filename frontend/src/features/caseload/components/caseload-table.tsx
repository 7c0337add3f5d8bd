import { Link } from 'react-router-dom';

import { RiskBadge } from '@/components/ui/risk-badge';

import type { CaseloadEntry } from '../api/get-caseload';
import type { SortKey } from '../caseload-order';

import { PlanProgress } from './plan-progress';
import { daysText, RelativeTime } from './relative-time';

interface CaseloadTableProps {
  /** The table's accessible name, e.g. "Caseload". */
  label: string;
  entries: readonly CaseloadEntry[];
  sort: SortKey;
}

function sortState(column: SortKey, sort: SortKey, direction: 'ascending' | 'descending') {
  return column === sort ? direction : undefined;
}

/**
 * The caseload as a table on wide screens and as one card per person on narrow ones. The
 * explicit roles keep the table's meaning for screen readers once CSS restacks it (Safari
 * drops table semantics from restyled tables otherwise).
 */
export function CaseloadTable({ label, entries, sort }: CaseloadTableProps) {
  return (
    <div className="record-table-wrap">
      <table role="table" className="record-table record-table--cards caseload-table" aria-label={label}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col" aria-sort={sortState('name', sort, 'ascending')}>
              Participant
            </th>
            <th role="columnheader" scope="col" aria-sort={sortState('risk', sort, 'descending')}>
              Risk
            </th>
            <th role="columnheader" scope="col" aria-sort={sortState('last_check_in', sort, 'ascending')}>
              Last check-in
            </th>
            <th role="columnheader" scope="col" aria-sort={sortState('last_contact', sort, 'descending')}>
              Since last contact
            </th>
            <th role="columnheader" scope="col">
              Plan progress
            </th>
            <th role="columnheader" scope="col">
              Goals awaiting agreement
            </th>
            <th role="columnheader" scope="col">
              Specialist
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {entries.map((entry) => (
            <tr role="row" key={entry.participant_id}>
              <th role="rowheader" scope="row" className="record-table__name">
                <Link to={`/participants/${entry.participant_id}`}>{entry.preferred_name}</Link>
                {entry.pronouns && <span className="record-table__sub"> {entry.pronouns}</span>}
              </th>
              <td role="cell" data-label="Risk">
                <RiskBadge level={entry.risk_level} />
              </td>
              <td role="cell" data-label="Last check-in">
                {entry.last_check_in_at ? (
                  <RelativeTime iso={entry.last_check_in_at} />
                ) : (
                  <span className="quiet-text">No check-ins yet</span>
                )}
              </td>
              <td role="cell" data-label="Since last contact">
                {entry.days_since_last_contact !== null ? (
                  daysText(entry.days_since_last_contact)
                ) : (
                  <span className="quiet-text">No contact recorded</span>
                )}
              </td>
              <td role="cell" data-label="Plan progress">
                <PlanProgress progress={entry.plan_progress} />
              </td>
              <td role="cell" data-label="Goals awaiting agreement">
                {entry.goals_awaiting_agreement > 0 ? entry.goals_awaiting_agreement : <span className="quiet-text">None</span>}
              </td>
              <td role="cell" data-label="Specialist">
                {entry.specialist_name ?? <span className="quiet-text">Not matched yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
