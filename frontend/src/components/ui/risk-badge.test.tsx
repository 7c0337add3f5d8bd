import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { RiskBadge, type RiskLevel } from '@/components/ui/risk-badge';

describe('RiskBadge', () => {
  it.each<[RiskLevel, string]>([
    ['low', 'Low risk'],
    ['elevated', 'Elevated risk'],
    ['high', 'High risk'],
    ['crisis', 'Crisis'],
  ])('says %s in words, with a shape beside it', (level, text) => {
    const { container } = render(<RiskBadge level={level} />);
    expect(screen.getByText(text)).toBeInTheDocument();
    // The shape is decorative: the words carry the meaning.
    const icon = container.querySelector('svg');
    expect(icon).not.toBeNull();
    expect(icon).toHaveAttribute('aria-hidden', 'true');
  });

  it('uses a different shape for each level', () => {
    const shapes = (['low', 'elevated', 'high', 'crisis'] as const).map((level) => {
      const { container, unmount } = render(<RiskBadge level={level} />);
      const markup = container.querySelector('svg')?.innerHTML;
      unmount();
      return markup;
    });
    expect(new Set(shapes).size).toBe(4);
  });

  it('says when there is no check-in yet', () => {
    render(<RiskBadge level={null} />);
    expect(screen.getByText('Risk not yet known')).toBeInTheDocument();
  });
});
