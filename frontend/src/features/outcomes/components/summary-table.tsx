import { useId } from 'react';

import type { SummaryGroup } from '../types';

import { cellState, cellText, COLUMN_LABELS, measureInfo, type ChangeColumn, type SummaryColumn } from './outcome-measures';

const COLUMNS: (SummaryColumn | ChangeColumn)[] = [
  'intake',
  'followup_6mo',
  'discharge',
  'change_to_followup_6mo',
  'change_to_discharge',
];

interface SummaryTableProps {
  group: SummaryGroup;
  caption: string;
  minimumCellSize: number;
}

/** The summary's figures as a table: the charts' text alternative, every cell with its n. */
export function SummaryTable({ group, caption, minimumCellSize }: SummaryTableProps) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table outcome-summary-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {COLUMN_LABELS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.measures.map((measure) => (
            <tr key={measure.measure}>
              <th scope="row">
                {measureInfo(measure).title}
                <span className="outcome-summary-table__description">{measure.description}</span>
              </th>
              {COLUMNS.map((column) => {
                const state = cellState(measure, column);
                return (
                  <td key={column} className={state === 'value' ? undefined : 'data-table__gap'}>
                    {cellText(measure, column, minimumCellSize)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
