import { Button } from '@/components/ui/button';

interface ListFooterProps {
  count: number;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
  /** Shown when more can be loaded and the order is made in the browser. */
  orderNote?: string | undefined;
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** How many are shown (announced politely as it changes) and "Load more" while there are more. */
export function ListFooter({ count, hasMore, isLoadingMore, onLoadMore, orderNote }: ListFooterProps) {
  return (
    <div className="list-footer">
      <p role="status" className="list-footer__count">
        {hasMore ? `Showing the first ${people(count)}. There are more to load.` : `Showing ${people(count)}.`}
        {hasMore && orderNote ? ` ${orderNote}` : ''}
      </p>
      {hasMore && (
        <Button variant="secondary" onClick={onLoadMore} isLoading={isLoadingMore}>
          {isLoadingMore ? 'Loading more…' : 'Load more'}
        </Button>
      )}
    </div>
  );
}
