import { isProblemError, type ProblemFieldErrors } from '@/lib/problem';

import { AlertIcon } from './icons';

interface FormErrorProps {
  /** A mutation's or query's error; nothing is shown while it is null. */
  error: unknown;
  /** The form's `problemFieldErrors(error, ...)`: messages by fields are not repeated here. */
  fieldErrors?: ProblemFieldErrors;
}

/** The reason a form could not be sent, read out as soon as it appears (role="alert"). */
export function FormError({ error, fieldErrors }: FormErrorProps) {
  if (!error) return null;
  const hasFieldMessages = fieldErrors !== undefined && Object.keys(fieldErrors.fields).length > 0;
  const other = fieldErrors?.other ?? [];
  let message: string;
  if (hasFieldMessages) {
    message = 'Some answers need another look: each one says what to change.';
  } else if (isProblemError(error)) {
    message = error.detail || error.title;
  } else {
    message = 'Something went wrong. Please try again.';
  }
  return (
    <div role="alert" className="form-error">
      <AlertIcon className="form-error__icon" />
      <div className="form-error__body">
        <p className="form-error__message">{message}</p>
        {other.length > 0 && (
          <ul className="form-error__list">
            {other.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
        {isProblemError(error) && error.status >= 500 && error.requestId && (
          <p className="form-error__reference">Reference: {error.requestId}</p>
        )}
      </div>
    </div>
  );
}
