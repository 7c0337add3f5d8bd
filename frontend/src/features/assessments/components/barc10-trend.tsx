import { lazy, Suspense, useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useBarc10Trend } from '../api/get-barc10-trend';
import type { Barc10Trend as Trend } from '../types';

import { formatDate } from './assessment-labels';

const Barc10Chart = lazy(() => import('./barc10-chart'));

const THRESHOLD = 47;

/** The trend in words: the chart's text alternative, shown to everyone. */
export function trendSummary(trend: Trend): string {
  const { summary, points } = trend;
  const first = points[0];
  const last = points[points.length - 1];
  if (summary.count === 0 || !first || !last || summary.latest_total == null) {
    return 'No BARC-10 has been taken yet.';
  }
  const flag = summary.latest_meets_threshold
    ? `${THRESHOLD} or more: strong recovery capital`
    : `under ${THRESHOLD}`;
  if (summary.count === 1) {
    return `One BARC-10 so far, on ${formatDate(last.administered_at)}: total ${summary.latest_total} of 60 (${flag}).`;
  }
  const change = summary.change ?? 0;
  const direction =
    change > 0 ? `up ${change} since the first` : change < 0 ? `down ${-change} since the first` : 'the same as the first';
  return `${summary.count} BARC-10s from ${formatDate(first.administered_at)} to ${formatDate(last.administered_at)}. Latest total ${summary.latest_total} of 60 (${flag}), ${direction}.`;
}

/** BARC-10 totals over time, with the threshold of 47, as a chart, a summary and a table. */
export function Barc10Trend({ participantId }: { participantId: string }) {
  const trend = useBarc10Trend(participantId);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();

  if (trend.isPending) return <Loading label="Loading BARC-10 history…" />;
  if (trend.isError) return <FormError error={trend.error} />;
  const { points } = trend.data;

  return (
    <figure className="trend">
      <figcaption className="trend__summary">{trendSummary(trend.data)}</figcaption>
      {points.length > 0 && (
        <>
          <Suspense fallback={<Loading label="Drawing the chart…" />}>
            <Barc10Chart points={points} threshold={THRESHOLD} />
          </Suspense>
          <Button
            variant="quiet"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((value) => !value)}
          >
            {showTable ? 'Hide the numbers' : 'Show the numbers as a table'}
          </Button>
          <div id={tableId} hidden={!showTable} className="trend__table-wrap">
            <table className="data-table">
              <caption>BARC-10 totals, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Total (10–60)</th>
                  <th scope="col">{THRESHOLD} or more</th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.administered_at}>
                    <td>{formatDate(point.administered_at)}</td>
                    <td>{point.total}</td>
                    <td>{point.meets_threshold ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
