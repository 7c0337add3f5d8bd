import type { ComponentPropsWithRef } from 'react';

import { classNames } from './class-names';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export type ButtonProps = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant;
  /** Shows a spinner and blocks further clicks while the action runs. */
  isLoading?: boolean;
};

export function Button({
  variant = 'primary',
  isLoading = false,
  type = 'button',
  className,
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames('button', `button--${variant}`, className)}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...props}
    >
      {isLoading && <Spinner size="small" label={null} />}
      {children}
    </button>
  );
}
