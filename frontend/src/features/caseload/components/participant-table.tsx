import { Link } from 'react-router-dom';

import { RiskBadge } from '@/components/ui/risk-badge';

import type { ParticipantRead } from '../api/get-participants';

import { statusLabel } from './caseload-filters';
import { formatDate } from './relative-time';

interface ParticipantTableProps {
  label: string;
  participants: readonly ParticipantRead[];
  sort: 'risk' | 'name';
}

/** The organisation's participants as plain records (for admins, who have no caseload view). */
export function ParticipantTable({ label, participants, sort }: ParticipantTableProps) {
  return (
    <div className="record-table-wrap">
      <table role="table" className="record-table record-table--cards" aria-label={label}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>
              Participant
            </th>
            <th role="columnheader" scope="col" aria-sort={sort === 'risk' ? 'descending' : undefined}>
              Risk
            </th>
            <th role="columnheader" scope="col">
              Status
            </th>
            <th role="columnheader" scope="col">
              Enrolled
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {participants.map((participant) => (
            <tr role="row" key={participant.id}>
              <th role="rowheader" scope="row" className="record-table__name">
                <Link to={`/participants/${participant.id}`}>{participant.preferred_name}</Link>
                {participant.pronouns && <span className="record-table__sub"> {participant.pronouns}</span>}
              </th>
              <td role="cell" data-label="Risk">
                <RiskBadge level={participant.risk_level} />
              </td>
              <td role="cell" data-label="Status">
                {statusLabel(participant.status)}
              </td>
              <td role="cell" data-label="Enrolled">
                <time dateTime={participant.enrolled_at}>{formatDate(participant.enrolled_at)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
