/**
 * One measure at intake, the six-month follow-up and discharge, as three bars. Loaded on its own
 * (React.lazy) so recharts arrives only with the dashboard. A suppressed figure is a hatched,
 * dashed full-height bar that says "Suppressed", never a zero or a gap; each bar names the
 * number of people it covers under the axis. The figure's text (its description and the table)
 * says the same, so the drawing is hidden from screen readers.
 */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

import type { MeasureSummary } from '../types';

import { cellState, formatFigure, measureInfo, SUMMARY_COLUMNS, type CellState, type MeasureKind, type SummaryColumn } from './outcome-measures';

// The palette of styles.css (SVG presentation attributes cannot read CSS variables).
const BAR = '#1f5f5b';
const MUTED = '#6b7478';
const HATCH_BACKGROUND = '#f4f2ec';
const HATCH_LINE = '#b5ae9f';
const GRID = '#d9d4c8';
const TEXT = '#4c5a5f';
const INK = '#1f2a2e';

const SHORT_LABELS: Record<SummaryColumn, string> = {
  intake: 'Intake',
  followup_6mo: 'Follow-up',
  discharge: 'Discharge',
};

interface Slot {
  label: string;
  state: CellState;
  value: number | null;
  n: number | null;
  /** The bar's drawn height: the figure, or the full scale for a suppressed one. */
  height: number;
}

// A scale that leaves the tallest bar some room for its label.
const NICE_TOPS = [0.5, 1, 2, 3, 5, 10, 15, 20, 30];

function scaleTop(kind: MeasureKind, values: number[]): number {
  if (kind === 'percent') return 100;
  if (kind === 'rating') return 5;
  const wanted = Math.max(0, ...values) * 1.2;
  return NICE_TOPS.find((top) => top >= wanted) ?? Math.ceil(wanted);
}

interface MeasureChartProps {
  measure: MeasureSummary;
  minimumCellSize: number;
}

export default function MeasureChart({ measure, minimumCellSize }: MeasureChartProps) {
  const { kind } = measureInfo(measure);
  const figures = SUMMARY_COLUMNS.flatMap((column) =>
    cellState(measure, column) === 'value' && measure[column].value !== null ? [measure[column].value as number] : [],
  );
  const top = scaleTop(kind, figures);
  const slots: Slot[] = SUMMARY_COLUMNS.map((column) => {
    const state = cellState(measure, column);
    const { value, n } = measure[column];
    return {
      label: SHORT_LABELS[column],
      state,
      value,
      n,
      height: state === 'value' ? (value ?? 0) : state === 'none' ? 0 : top,
    };
  });
  const patternId = `suppressed-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  return (
    <div className="outcome-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 320, height: 240 }}>
        <BarChart data={slots} margin={{ top: 24, right: 8, bottom: 4, left: 0 }} barCategoryGap="20%" accessibilityLayer={false}>
          <defs>
            <pattern id={patternId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill={HATCH_BACKGROUND} />
              <line x1="0" y1="0" x2="0" y2="8" stroke={HATCH_LINE} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            interval={0}
            tickLine={false}
            height={48}
            stroke={MUTED}
            tick={(props) => <SlotTick x={props.x} y={props.y} slot={slots[props.index]} minimumCellSize={minimumCellSize} />}
          />
          <YAxis
            domain={[0, top]}
            width={46}
            stroke={MUTED}
            tick={{ fill: TEXT, fontSize: 12 }}
            tickFormatter={(value: number) => (kind === 'percent' ? `${value}%` : String(value))}
          />
          {/* A figure of zero still gets a sliver of a bar, and its label, so it never reads as a gap. */}
          <Bar dataKey="height" isAnimationActive={false} minPointSize={(value, index) => (value === 0 && slots[index]?.state === 'value' ? 2 : 0)}>
            {slots.map((slot) => (
              <Cell
                key={slot.label}
                fill={slot.state === 'value' ? BAR : `url(#${patternId})`}
                stroke={slot.state === 'value' ? BAR : MUTED}
                strokeWidth={slot.state === 'value' ? 0 : 1.5}
                strokeDasharray={slot.state === 'value' ? undefined : '5 3'}
              />
            ))}
            {/* Keyed by the slot's label: recharts numbers labels by the bars it drew, not by the data. */}
            <LabelList
              dataKey="label"
              content={(props) => (
                <SlotLabel viewBox={props.viewBox} slot={slots.find((slot) => slot.label === props.value)} kind={kind} />
              )}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function SlotTick({ x, y, slot, minimumCellSize }: { x: number | string; y: number | string; slot: Slot | undefined; minimumCellSize: number }) {
  if (!slot) return null;
  let people: string;
  if (slot.state === 'value') people = `n = ${slot.n}`;
  else if (slot.state === 'suppressed') people = `fewer than ${minimumCellSize}`;
  else if (slot.state === 'not-asked') people = 'not asked';
  else people = 'no figure';
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" dy={16} fill={INK} fontSize={13} fontWeight={600}>
        {slot.label}
      </text>
      <text textAnchor="middle" dy={33} fill={TEXT} fontSize={12}>
        {people}
      </text>
    </g>
  );
}

interface SlotLabelProps {
  viewBox: unknown;
  slot: Slot | undefined;
  kind: MeasureKind;
}

function SlotLabel({ viewBox, slot, kind }: SlotLabelProps) {
  if (!slot || typeof viewBox !== 'object' || viewBox === null) return null;
  const { x, y, width, height } = viewBox as { x?: number; y?: number; width?: number; height?: number };
  if (x === undefined || y === undefined || width === undefined || height === undefined) return null;
  const centre = x + width / 2;
  if (slot.state === 'value' && slot.value !== null) {
    return (
      <text x={centre} y={y - 7} textAnchor="middle" fill={INK} fontSize={13} fontWeight={700}>
        {formatFigure(kind, slot.value).replace(' of 5', '')}
      </text>
    );
  }
  if (slot.state === 'none') return null;
  const words = slot.state === 'suppressed' ? 'Suppressed' : 'Not asked';
  // Written up the bar, which is taller than it is wide, so it fits however narrow the chart.
  return (
    <g transform={`translate(${centre},${y + height / 2}) rotate(-90)`}>
      <rect x={-40} y={-11} width={80} height={22} rx={4} fill="#ffffff" stroke={MUTED} />
      <text y={4} textAnchor="middle" fill={INK} fontSize={12} fontWeight={600}>
        {words}
      </text>
    </g>
  );
}
