import { Button } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { isProblemError } from '@/lib/problem';

/** A list that could not be loaded: what happened, in plain words, and a way to try again. */
export function LoadError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const detail = isProblemError(error) ? error.detail || error.title : 'Something went wrong.';
  return (
    <div role="alert" className="form-error load-error">
      <AlertIcon className="form-error__icon" />
      <div className="form-error__body">
        <p className="form-error__message">We couldn’t load {what}.</p>
        <p className="load-error__detail">{detail}</p>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
