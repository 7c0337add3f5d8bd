import type { ComponentPropsWithRef, ReactNode } from 'react';

import { classNames } from './class-names';
import { FieldDescription, FieldErrorMessage, LabelText, useFieldIds } from './field-parts';

export type TextAreaFieldProps = Omit<ComponentPropsWithRef<'textarea'>, 'children'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
};

export function TextAreaField({
  label,
  description,
  error,
  id,
  className,
  required,
  rows = 4,
  'aria-describedby': describedBy,
  ...props
}: TextAreaFieldProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <div className={classNames('field', error && 'field--invalid', className)}>
      <label className="field__label" htmlFor={ids.controlId}>
        <LabelText label={label} required={required} />
      </label>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <textarea
        id={ids.controlId}
        className="field__control"
        rows={rows}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.ariaDescribedBy}
        {...props}
      />
      <FieldErrorMessage id={ids.errorId} message={error} />
    </div>
  );
}
