import type { ComponentPropsWithRef, ReactNode } from 'react';

import { FieldShell } from './field-parts';

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
  return (
    <FieldShell
      label={label}
      description={description}
      error={error}
      id={id}
      className={className}
      required={required}
      describedBy={describedBy}
    >
      {(control) => (
        <select
          className="field__control field__control--select"
          required={required}
          {...control}
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
      )}
    </FieldShell>
  );
}
