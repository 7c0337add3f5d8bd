import { CircleIcon, DiamondIcon, TriangleIcon } from '@/components/ui/icons';

import type { CssrsRisk } from '../types';

import { RISK_LABELS } from './assessment-labels';

const ICONS = { low: CircleIcon, moderate: TriangleIcon, high: DiamondIcon } as const;

/** A C-SSRS triage level as words and a shape, never colour alone. */
export function RiskLabel({ risk }: { risk: CssrsRisk }) {
  const Icon = ICONS[risk];
  return (
    <span className={`screen-risk screen-risk--${risk}`}>
      <Icon />
      {RISK_LABELS[risk]}
    </span>
  );
}
