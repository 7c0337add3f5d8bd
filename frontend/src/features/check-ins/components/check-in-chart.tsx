/**
 * The check-in trend drawn with recharts (loaded on demand by CheckInTrend). Purely visual:
 * CheckInTrend hides it from assistive technology and says the same in words and a table.
 * Mood and craving are told apart by line style and point shape as well as colour (solid line
 * with circles, dashed line with squares); use is a triangle along the top.
 */
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type { CheckInTrendDay } from '../api/get-check-in-trend';
import { formatDay, formatShortDay } from './check-in-labels';

// Colours from styles.css (SVG attributes cannot read CSS variables everywhere).
const MOOD_COLOUR = '#1f5f5b';
const CRAVING_COLOUR = '#6b3fa0';
const USE_COLOUR = '#1f2a2e';
const GRID_COLOUR = '#d9d4c8';
const AXIS_COLOUR = '#4c5a5f';

interface Point {
  date: string;
  mood: number | null;
  craving: number | null;
}

interface ShapeProps {
  cx?: number;
  cy?: number;
}

function Square({ cx, cy }: ShapeProps) {
  if (cx === undefined || cy === undefined) return <g />;
  return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={CRAVING_COLOUR} stroke="#fff" strokeWidth={1} />;
}

function Triangle({ cx, cy }: ShapeProps) {
  if (cx === undefined || cy === undefined) return <g />;
  return <path d={`M${cx} ${cy - 7} L${cx + 7} ${cy + 5} L${cx - 7} ${cy + 5} Z`} fill={USE_COLOUR} />;
}

export function CheckInChart({ days }: { days: readonly CheckInTrendDay[] }) {
  const data: Point[] = days.map((day) => ({
    date: day.date,
    mood: day.mood,
    craving: day.craving_max,
  }));
  const usedDays = days.filter((day) => day.used);

  return (
    <ComposedChart
      responsive
      className="check-in-chart"
      data={data}
      margin={{ top: 16, right: 8, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={GRID_COLOUR} strokeDasharray="2 4" vertical={false} />
      <XAxis
        dataKey="date"
        tickFormatter={formatShortDay}
        stroke={AXIS_COLOUR}
        tick={{ fill: AXIS_COLOUR, fontSize: 13 }}
        interval="preserveStartEnd"
        minTickGap={24}
      />
      <YAxis
        yAxisId="mood"
        domain={[1, 5]}
        ticks={[1, 2, 3, 4, 5]}
        allowDecimals={false}
        stroke={MOOD_COLOUR}
        tick={{ fill: MOOD_COLOUR, fontSize: 13 }}
        width={32}
        label={{ value: 'Mood', angle: -90, position: 'insideLeft', fill: MOOD_COLOUR, fontSize: 13 }}
      />
      <YAxis
        yAxisId="craving"
        orientation="right"
        domain={[0, 10]}
        ticks={[0, 2, 4, 6, 8, 10]}
        allowDecimals={false}
        stroke={CRAVING_COLOUR}
        tick={{ fill: CRAVING_COLOUR, fontSize: 13 }}
        width={36}
        label={{ value: 'Craving', angle: 90, position: 'insideRight', fill: CRAVING_COLOUR, fontSize: 13 }}
      />
      <Tooltip
        labelFormatter={(label) => formatDay(String(label))}
        formatter={(value, name) => [value ?? 'No check-in', name]}
      />
      <Line
        yAxisId="mood"
        name="Mood"
        dataKey="mood"
        type="linear"
        stroke={MOOD_COLOUR}
        strokeWidth={3}
        dot={{ r: 4, fill: MOOD_COLOUR, stroke: '#fff', strokeWidth: 1 }}
        activeDot={{ r: 6 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        yAxisId="craving"
        name="Highest craving"
        dataKey="craving"
        type="linear"
        stroke={CRAVING_COLOUR}
        strokeWidth={2}
        strokeDasharray="7 5"
        dot={<Square />}
        activeDot={{ r: 6 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      {usedDays.map((day) => (
        <ReferenceDot
          key={day.date}
          yAxisId="craving"
          x={day.date}
          y={10}
          shape={(props) => <Triangle cx={props.cx} cy={props.cy} />}
        />
      ))}
    </ComposedChart>
  );
}
