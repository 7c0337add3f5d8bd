import type { ComponentPropsWithRef, ReactNode } from 'react';

import { FieldShell } from './field-parts';

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
        <textarea
          className="field__control"
          rows={rows}
          required={required}
          {...control}
          {...props}
        />
      )}
    </FieldShell>
  );
}
