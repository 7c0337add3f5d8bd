import type { ComponentPropsWithRef, ReactNode } from 'react';

import { FieldShell } from './field-parts';

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
        <input
          className="field__control"
          required={required}
          {...control}
          {...props}
        />
      )}
    </FieldShell>
  );
}
