import type { ReactElement } from 'react';

import type { Schemas } from '@/lib/api-client';

import { classNames } from './class-names';
import { CircleIcon, DiamondIcon, OctagonAlertIcon, TriangleIcon } from './icons';

/** `low | elevated | high | crisis`, as the API derives it from check-ins. */
export type RiskLevel = NonNullable<Schemas['CaseloadEntry']['risk_level']>;

const LEVELS: Record<RiskLevel, { label: string; Icon: (props: object) => ReactElement }> = {
  low: { label: 'Low risk', Icon: CircleIcon },
  elevated: { label: 'Elevated risk', Icon: TriangleIcon },
  high: { label: 'High risk', Icon: DiamondIcon },
  crisis: { label: 'Crisis', Icon: OctagonAlertIcon },
};

interface RiskBadgeProps {
  /** `null`: no check-in yet. */
  level: RiskLevel | null | undefined;
}

/**
 * A risk level as text, shape and colour together (a circle, triangle, diamond and octagon),
 * so it reads the same to someone who cannot tell the colours apart.
 */
export function RiskBadge({ level }: RiskBadgeProps) {
  if (!level) {
    return <span className="risk-badge risk-badge--none">Risk not yet known</span>;
  }
  const { label, Icon } = LEVELS[level];
  return (
    <span className={classNames('risk-badge', `risk-badge--${level}`)}>
      <Icon />
      {label}
    </span>
  );
}
