import type { ReactElement } from 'react';

import { classNames } from '@/components/ui/class-names';
import { CircleIcon, OctagonAlertIcon, TriangleIcon } from '@/components/ui/icons';

import type { DueStatus } from '../types';

import { DUE_STATUS_LABELS } from './outcome-labels';

const ICONS: Record<DueStatus, (props: object) => ReactElement> = {
  upcoming: CircleIcon,
  due: TriangleIcon,
  overdue: OctagonAlertIcon,
};

/** A survey's due state in words and a shape (circle, triangle, octagon), not colour alone. */
export function DueStatusBadge({ status }: { status: DueStatus }) {
  const Icon = ICONS[status];
  return (
    <span className={classNames('due-status', `due-status--${status}`)}>
      <Icon />
      {DUE_STATUS_LABELS[status]}
    </span>
  );
}
