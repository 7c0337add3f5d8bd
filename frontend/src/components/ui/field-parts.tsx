/** The pieces every form field shares: ids, description, error message and label text. */
import { useId, type ReactNode } from 'react';

import { classNames } from './class-names';

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

/** What a control needs to be tied to its label, description and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldShellProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  id?: string | undefined;
  className?: string | undefined;
  required?: boolean | undefined;
  describedBy?: string | undefined;
  /** Renders the control itself with the ids and ARIA state it must carry. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, description and error around one control: every field is built on it. */
export function FieldShell({
  label,
  description,
  error,
  id,
  className,
  required,
  describedBy,
  children,
}: FieldShellProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <div className={classNames('field', error && 'field--invalid', className)}>
      <label className="field__label" htmlFor={ids.controlId}>
        <LabelText label={label} required={required} />
      </label>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      {children({
        id: ids.controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': ids.ariaDescribedBy,
      })}
      <FieldErrorMessage id={ids.errorId} message={error} />
    </div>
  );
}
