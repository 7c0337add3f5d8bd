import type { ComponentPropsWithRef, ReactNode } from 'react';

import { classNames } from './class-names';
import { FieldDescription, FieldErrorMessage, LabelText, useFieldIds } from './field-parts';

export type CheckboxProps = Omit<ComponentPropsWithRef<'input'>, 'type' | 'children'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
};

export function Checkbox({
  label,
  description,
  error,
  id,
  className,
  required,
  'aria-describedby': describedBy,
  ...props
}: CheckboxProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <div className={classNames('field', 'field--checkbox', error && 'field--invalid', className)}>
      <div className="checkbox">
        <input
          id={ids.controlId}
          type="checkbox"
          className="checkbox__control"
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.ariaDescribedBy}
          {...props}
        />
        <label className="checkbox__label" htmlFor={ids.controlId}>
          <LabelText label={label} required={required} />
        </label>
      </div>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <FieldErrorMessage id={ids.errorId} message={error} />
    </div>
  );
}
