import { useId, type ReactNode, type Ref } from 'react';

import { classNames } from '@/components/ui/class-names';
import { AlertIcon } from '@/components/ui/icons';

export interface Choice<T extends string | number> {
  value: T;
  /** The radio's accessible name is this content, as read: keep it short. */
  label: ReactNode;
}

interface ChoiceGroupProps<T extends string | number> {
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  /** `tiles`: large tiles that wrap; `scale`: a row of small equal tiles (0–10). */
  layout?: 'tiles' | 'scale';
  /** Receives the first radio, so a form can move focus here when the answer is missing. */
  firstInputRef?: Ref<HTMLInputElement>;
  /** Announced with the group; false for a choice that always has an answer. */
  required?: boolean;
  className?: string;
}

/**
 * A question answered with one tap: native radio buttons inside large labelled tiles (the
 * whole tile is the target, and the chosen one shows a filled radio and a heavier border, not
 * only a colour). The group is a `radiogroup` named by its legend, so its error and
 * "required" state can be announced with it.
 */
export function ChoiceGroup<T extends string | number>({
  name,
  legend,
  description,
  choices,
  value,
  onChange,
  error,
  layout = 'tiles',
  firstInputRef,
  required = true,
  className,
}: ChoiceGroupProps<T>) {
  const id = useId();
  const legendId = `${id}-legend`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={describedBy}
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      className={classNames('choice-group', `choice-group--${layout}`, error && 'field--invalid', className)}
    >
      <legend id={legendId} className="choice-group__legend">
        {legend}
      </legend>
      {description && (
        <p id={descriptionId} className="field__description">
          {description}
        </p>
      )}
      <div className="choice-group__choices">
        {choices.map((choice, index) => (
          <label
            key={String(choice.value)}
            className={classNames('choice', value === choice.value && 'is-checked')}
          >
            <input
              ref={index === 0 ? firstInputRef : undefined}
              type="radio"
              className="choice__input"
              name={name}
              value={String(choice.value)}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice__body">{choice.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          <AlertIcon />
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
    </fieldset>
  );
}
