/**
 * The BARC-10 totals as a line with the 47 threshold drawn across. Loaded on its own (React.lazy)
 * so the chart library arrives only with the page that shows it; the text beside it (summary
 * and table) is the chart's alternative, so the drawing itself is hidden from screen readers.
 */
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { Barc10Point } from '../types';

import { formatDate } from './assessment-labels';

// The palette of styles.css (SVG presentation attributes cannot read CSS variables).
const LINE = '#1f5f5b';
const THRESHOLD = '#7a5200';
const GRID = '#c9c3b6';
const TEXT = '#4c5a5f';

export default function Barc10Chart({ points, threshold }: { points: Barc10Point[]; threshold: number }) {
  const data = points.map((point) => ({ date: formatDate(point.administered_at), total: point.total }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={{ fill: TEXT, fontSize: 13 }} />
          <YAxis domain={[10, 60]} ticks={[10, 20, 30, 40, 47, 50, 60]} tick={{ fill: TEXT, fontSize: 13 }} width={40} />
          <ReferenceLine
            y={threshold}
            stroke={THRESHOLD}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: `${threshold}: strong recovery capital`, position: 'insideBottomRight', fill: THRESHOLD, fontSize: 13 }}
          />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="total"
            name="Total"
            stroke={LINE}
            strokeWidth={3}
            dot={{ r: 5, fill: LINE }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
