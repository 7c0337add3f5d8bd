import { lazy, Suspense, useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { RiskBadge } from '@/components/ui/risk-badge';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { useCheckInTrend, type CheckInTrendDay } from '../api/get-check-in-trend';
import { formatDay, formatMood } from './check-in-labels';
import { ChoiceGroup } from './choice-group';

// recharts is large: it loads after the numbers, which are already on screen as text.
const CheckInChart = lazy(() =>
  import('./check-in-chart').then((module) => ({ default: module.CheckInChart })),
);

const WINDOWS = [14, 30, 90] as const;

export interface CheckInTrendProps {
  participantId: string;
  /** The window shown first, in days. */
  days?: number;
}

/**
 * Mood and craving day by day, with the days use was reported, over 14, 30 or 90 days. Days
 * without a check-in are gaps, not zeros. The chart is drawn for sighted people; the same
 * information is always there as text (a summary read with the figure) and as a table.
 */
export function CheckInTrend({ participantId, days = 30 }: CheckInTrendProps) {
  const [windowDays, setWindowDays] = useState(days);
  const [showTable, setShowTable] = useState(false);
  const trend = useCheckInTrend(participantId, windowDays);
  const id = useId();
  const captionId = `${id}-caption`;
  const summaryId = `${id}-summary`;
  const tableId = `${id}-table`;

  const windows: number[] = WINDOWS.includes(days as (typeof WINDOWS)[number])
    ? [...WINDOWS]
    : [...WINDOWS, days].sort((a, b) => a - b);
  const shownDays = trend.data?.days.length ?? windowDays;
  const title = `Mood and craving, last ${shownDays} days`;

  return (
    <div className="check-in-trend">
      <ChoiceGroup
        name={`${id}-window`}
        legend="Show"
        choices={windows.map((value) => ({ value, label: <span className="choice__text">{value} days</span> }))}
        value={windowDays}
        onChange={setWindowDays}
        required={false}
        className="choice-group--inline check-in-trend__window"
      />

      {trend.isPending && <Loading label="Loading check-ins…" />}
      {trend.isError && (
        <div role="alert" className="notice check-in-trend__error">
          <p>
            {isProblemError(trend.error) ? trend.error.detail || trend.error.title : 'The check-ins could not be loaded.'}
          </p>
          <Button variant="secondary" onClick={() => void trend.refetch()}>
            Try again
          </Button>
        </div>
      )}

      {trend.data && (
        <figure className="check-in-trend__figure" aria-labelledby={captionId} aria-describedby={summaryId} aria-busy={trend.isFetching || undefined}>
          <figcaption id={captionId} className="check-in-trend__caption">
            {title}
          </figcaption>
          {/* Read with the figure; on screen too when there is no chart to look at. */}
          <p id={summaryId} className={hasCheckIns(trend.data.days) ? 'visually-hidden' : 'check-in-trend__empty'}>
            {summarise(trend.data.days)}
          </p>

          {hasCheckIns(trend.data.days) ? (
            <>
              {/* Hidden from screen readers: the summary and the table say the same. */}
              <div className="check-in-trend__chart" aria-hidden="true">
                <Suspense fallback={<div className="check-in-trend__chart-placeholder" />}>
                  <CheckInChart days={trend.data.days} />
                </Suspense>
              </div>
              <ul className="check-in-trend__legend" aria-hidden="true">
                <li className="legend-item legend-item--mood">Mood (1–5, left scale)</li>
                <li className="legend-item legend-item--craving">Highest craving (0–10, right scale)</li>
                <li className="legend-item legend-item--use">Reported use</li>
                <li className="legend-item legend-item--gap">A break in the line: no check-in that day</li>
              </ul>
            </>
          ) : null}

          <Button
            variant="quiet"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((value) => !value)}
          >
            {showTable ? 'Hide table' : 'Show as table'}
          </Button>
          <div id={tableId} hidden={!showTable}>
            {showTable && <TrendTable days={trend.data.days} title={`Check-ins by day, last ${shownDays} days`} />}
          </div>
        </figure>
      )}
    </div>
  );
}

function hasCheckIns(days: readonly CheckInTrendDay[]): boolean {
  return days.some((day) => day.check_ins > 0);
}

function TrendTable({ days, title }: { days: readonly CheckInTrendDay[]; title: string }) {
  const captionId = useId();
  const newestFirst = [...days].reverse();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table check-in-trend__table">
        <caption id={captionId}>{title} (newest first)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Check-ins</th>
            <th scope="col">Mood (1–5)</th>
            <th scope="col">Highest craving (0–10)</th>
            <th scope="col">Reported use</th>
            <th scope="col">Risk</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((day) => (
            <tr key={day.date} className={day.check_ins === 0 ? 'is-gap' : undefined}>
              <th scope="row">
                <time dateTime={day.date}>{formatDay(day.date)}</time>
              </th>
              {day.check_ins === 0 ? (
                <td colSpan={5} className="data-table__gap">
                  No check-in
                </td>
              ) : (
                <>
                  <td>{day.check_ins}</td>
                  <td>{day.mood === null ? '–' : formatMood(day.mood)}</td>
                  <td>{day.craving_max ?? '–'}</td>
                  <td>{day.used ? 'Yes' : 'No'}</td>
                  <td>
                    <RiskBadge level={day.risk_level} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function round1(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The chart in words: what a sighted person takes in at a glance. */
export function summarise(days: readonly CheckInTrendDay[]): string {
  const withData = days.filter((day) => day.check_ins > 0);
  if (withData.length === 0) return `No check-ins in the last ${plural(days.length, 'day')}.`;

  const moods = withData.flatMap((day) => (day.mood === null ? [] : [day.mood]));
  const cravings = withData.flatMap((day) => (day.craving_max === null ? [] : [day.craving_max]));
  const total = withData.reduce((sum, day) => sum + day.check_ins, 0);
  const usedDays = withData.filter((day) => day.used).length;
  const parts = [
    `${plural(total, 'check-in')} on ${withData.length} of ${days.length} days.`,
  ];
  const moodMean = mean(moods);
  if (moodMean !== null) {
    parts.push(
      `Mood averaged ${round1(moodMean)} out of 5 (lowest ${round1(Math.min(...moods))}, highest ${round1(Math.max(...moods))}).`,
    );
  }
  const half = Math.floor(withData.length / 2);
  const earlier = mean(withData.slice(0, half).flatMap((day) => (day.mood === null ? [] : [day.mood])));
  const later = mean(withData.slice(withData.length - half).flatMap((day) => (day.mood === null ? [] : [day.mood])));
  if (half >= 2 && earlier !== null && later !== null) {
    const change = later - earlier;
    parts.push(
      change >= 0.3
        ? 'Mood has been higher lately.'
        : change <= -0.3
          ? 'Mood has been lower lately.'
          : 'Mood has been about the same throughout.',
    );
  }
  if (cravings.length > 0) parts.push(`Highest craving ${Math.max(...cravings)} out of 10.`);
  parts.push(usedDays === 0 ? 'No use reported.' : `Use reported on ${plural(usedDays, 'day')}.`);
  const latest = withData[withData.length - 1];
  if (latest) {
    parts.push(
      `Latest check-in ${formatDay(latest.date)}: mood ${latest.mood === null ? 'not given' : round1(latest.mood)}, craving ${latest.craving_max ?? 'not given'}.`,
    );
  }
  return parts.join(' ');
}
