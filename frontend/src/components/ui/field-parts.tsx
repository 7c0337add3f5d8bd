/** The pieces every form field shares: ids, description, error message and label text. */
import { useId, type ReactNode } from 'react';

import { AlertIcon } from './icons';

interface FieldIdsInput {
  id?: string | undefined;
  description?: ReactNode;
  error?: string | undefined;
  describedBy?: string | undefined;
}

/** Ids that tie a control to its description and error via aria-describedby. */
export function useFieldIds({ id, description, error, describedBy }: FieldIdsInput) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const ariaDescribedBy =
    [describedBy, descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, descriptionId, errorId, ariaDescribedBy };
}

export function LabelText({ label, required }: { label: ReactNode; required?: boolean | undefined }) {
  return (
    <>
      {label}
      {required && <span className="field__required"> (required)</span>}
    </>
  );
}

export function FieldDescription({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!id || !children) return null;
  return (
    <p id={id} className="field__description">
      {children}
    </p>
  );
}

export function FieldErrorMessage({ id, message }: { id: string | undefined; message?: string | undefined }) {
  if (!id || !message) return null;
  return (
    <p id={id} className="field__error">
      <AlertIcon />
      <span className="visually-hidden">Error:</span>{' '}
      {message}
    </p>
  );
}
