import type { ComponentPropsWithRef, ReactNode } from 'react';

import { classNames } from './class-names';
import { FieldDescription, FieldErrorMessage, LabelText, useFieldIds } from './field-parts';

export type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'children'> & {
  label: ReactNode;
  /** Help shown under the label and read with the field. */
  description?: ReactNode;
  /** The field's error, e.g. from `problemFieldErrors(...).fields[name]`. */
  error?: string | undefined;
};

export function TextField({
  label,
  description,
  error,
  id,
  className,
  required,
  'aria-describedby': describedBy,
  ...props
}: TextFieldProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <div className={classNames('field', error && 'field--invalid', className)}>
      <label className="field__label" htmlFor={ids.controlId}>
        <LabelText label={label} required={required} />
      </label>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <input
        id={ids.controlId}
        className="field__control"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.ariaDescribedBy}
        {...props}
      />
      <FieldErrorMessage id={ids.errorId} message={error} />
    </div>
  );
}
