import { lazy, Suspense, useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';

import { useOutcomeSummary } from '../api/get-outcome-summary';
import { useSummarySearch } from '../hooks/use-summary-search';
import type { MeasureSummary, OutcomeSummary, SummaryGroup, SummaryGrouping } from '../types';

import { changeSentence, measureInfo, measureSentence, suppressedText } from './outcome-measures';
import { SummaryTable } from './summary-table';

// recharts is large: the charts load after the figures, which are already there as text.
const MeasureChart = lazy(() => import('./measure-chart'));

const GROUPINGS: { value: SummaryGrouping; label: string }[] = [
  { value: 'organisation', label: 'The whole organisation' },
  { value: 'intake_quarter', label: 'One intake quarter' },
];

/** Whether any figure of the group is shown (not every one suppressed). */
function hasFigures(group: SummaryGroup): boolean {
  return group.measures.some((measure) =>
    [measure.intake, measure.followup_6mo, measure.discharge].some((cell) => !cell.suppressed && cell.value !== null),
  );
}

/** The quarter to show: the one asked for, else the latest with figures, else the latest. */
function chosenGroup(summary: OutcomeSummary, quarter: string): SummaryGroup | undefined {
  const { groups } = summary;
  return (
    groups.find((group) => group.intake_quarter === quarter) ??
    [...groups].reverse().find(hasFigures) ??
    groups[groups.length - 1]
  );
}

/**
 * `GET /outcomes/summary` for supervisors and admins: each measure at intake, the six-month
 * follow-up and discharge as a chart with the number of people behind each bar, the change
 * from intake, for the organisation or one intake quarter; suppressed figures say so; the
 * same figures as a table.
 */
export function OutcomesDashboard() {
  const { search, update } = useSummarySearch();
  const summary = useOutcomeSummary(search.groupBy);
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;

  const byQuarter = search.groupBy === 'intake_quarter';
  let content;
  let quarterPicker = null;
  if (summary.isPending) {
    content = <Loading label="Loading the outcome figures…" />;
  } else if (summary.isError && !summary.data) {
    content = (
      <div className="stack">
        <FormError error={summary.error} />
        <Button variant="secondary" onClick={() => void summary.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else {
    const data = summary.data;
    const group = byQuarter ? chosenGroup(data, search.quarter) : data.groups[0];
    const minimum = data.minimum_cell_size;
    if (byQuarter && data.groups.length > 0) {
      quarterPicker = (
        <SelectField
          label="Intake quarter"
          name="quarter"
          description="People whose intake survey was taken in that quarter."
          value={group?.intake_quarter ?? ''}
          options={data.groups.map((item) => ({
            value: item.intake_quarter ?? '',
            label: hasFigures(item) ? (item.intake_quarter ?? '') : `${item.intake_quarter} (every figure suppressed)`,
          }))}
          onChange={(event) => update({ quarter: event.target.value })}
        />
      );
    }
    if (!group) {
      content = (
        <EmptyState title="No outcome surveys yet." headingLevel={2}>
          <p>Figures appear here once intake surveys have been recorded.</p>
        </EmptyState>
      );
    } else {
      const scope = byQuarter ? `intake in ${group.intake_quarter}` : 'the whole organisation';
      content = (
        <>
          <p className="outcomes-dashboard__scope" aria-live="polite">
            Showing {scope}.{!hasFigures(group) && ` Every figure is suppressed: fewer than ${minimum} people answered each survey.`}
          </p>
          <ul className="outcome-legend" aria-hidden="true">
            <li className="outcome-legend__item outcome-legend__item--value">A figure, with the number of people (n) under it</li>
            <li className="outcome-legend__item outcome-legend__item--suppressed">{suppressedText(minimum)}</li>
          </ul>
          <div className="outcome-measures">
            {group.measures.map((measure) => (
              <MeasureCard key={measure.measure} measure={measure} minimumCellSize={minimum} />
            ))}
          </div>
          <Button
            variant="quiet"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((value) => !value)}
          >
            {showTable ? 'Hide the table' : 'Show the figures as a table'}
          </Button>
          <div id={tableId} hidden={!showTable}>
            {showTable && (
              <SummaryTable
                group={group}
                minimumCellSize={minimum}
                caption={`Outcome figures for ${scope}: each with the number of people (n)`}
              />
            )}
          </div>
        </>
      );
    }
  }

  const minimum = summary.data?.minimum_cell_size ?? 11;
  return (
    <div className="outcomes-dashboard">
      <p className="section-intro">
        Everyone’s answers about the past 30 days, at intake, six months later and at discharge. The change from intake
        compares the same people at both times. To protect privacy, a figure that covers fewer than {minimum} people is
        suppressed: it shows as “{suppressedText(minimum)}”, never as zero.
      </p>
      <div className="list-filters outcomes-dashboard__controls">
        <fieldset className="option-group">
          <legend className="option-group__legend">Show figures for</legend>
          <div className="yes-no__options">
            {GROUPINGS.map((grouping) => (
              <label key={grouping.value} className="yes-no__option">
                <input
                  type="radio"
                  name={`${id}-group`}
                  value={grouping.value}
                  checked={search.groupBy === grouping.value}
                  onChange={() => update({ groupBy: grouping.value })}
                />
                {grouping.label}
              </label>
            ))}
          </div>
        </fieldset>
        {quarterPicker}
      </div>
      <div className="list-view__results" aria-busy={summary.isFetching || undefined}>
        {content}
      </div>
    </div>
  );
}

function MeasureCard({ measure, minimumCellSize }: { measure: MeasureSummary; minimumCellSize: number }) {
  const id = useId();
  const titleId = `${id}-title`;
  const figuresId = `${id}-figures`;
  return (
    <figure className="outcome-measure" aria-labelledby={titleId} aria-describedby={figuresId}>
      <figcaption className="outcome-measure__caption">
        <h2 id={titleId} className="outcome-measure__title">
          {measureInfo(measure).title}
        </h2>
        <p className="outcome-measure__description">{measure.description}</p>
      </figcaption>
      <p id={figuresId} className="visually-hidden">
        {measureSentence(measure, minimumCellSize)}
      </p>
      <Suspense fallback={<div className="outcome-chart outcome-chart--loading" />}>
        <MeasureChart measure={measure} minimumCellSize={minimumCellSize} />
      </Suspense>
      <p className="outcome-measure__change">{changeSentence(measure, minimumCellSize)}</p>
    </figure>
  );
}
