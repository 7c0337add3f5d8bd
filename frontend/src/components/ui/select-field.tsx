import type { ComponentPropsWithRef, ReactNode } from 'react';

import { classNames } from './class-names';
import { FieldDescription, FieldErrorMessage, LabelText, useFieldIds } from './field-parts';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectFieldProps = ComponentPropsWithRef<'select'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** The choices; or pass <option> children instead. */
  options?: readonly SelectOption[];
  /** A first, empty choice such as "Choose one". */
  placeholder?: string;
};

export function SelectField({
  label,
  description,
  error,
  options,
  placeholder,
  id,
  className,
  required,
  children,
  'aria-describedby': describedBy,
  ...props
}: SelectFieldProps) {
  const ids = useFieldIds({ id, description, error, describedBy });
  return (
    <div className={classNames('field', error && 'field--invalid', className)}>
      <label className="field__label" htmlFor={ids.controlId}>
        <LabelText label={label} required={required} />
      </label>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <select
        id={ids.controlId}
        className="field__control field__control--select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.ariaDescribedBy}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      <FieldErrorMessage id={ids.errorId} message={error} />
    </div>
  );
}
