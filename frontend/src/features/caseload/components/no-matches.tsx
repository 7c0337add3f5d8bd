import { EmptyState } from '@/components/ui/empty-state';

/** An empty filtered list: says so without blaming anyone, and points at the way back. */
export function NoMatches() {
  return (
    <EmptyState title="No one matches these filters.">
      <p>Try another name, or use “Clear filters” above to see everyone again.</p>
    </EmptyState>
  );
}
