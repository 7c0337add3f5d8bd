import { useId } from 'react';

import { classNames } from '@/components/ui/class-names';
import { AlertIcon } from '@/components/ui/icons';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

import type { Timepoint } from '../types';

import { DAY_COUNTS, EMPLOYMENT, HOUSING, latestSurveyDay, SATISFACTION } from './outcome-labels';
import { asksSatisfaction, type SurveyErrors, type SurveyValues } from './survey-values';

interface SurveyFieldsProps {
  timepoint: Timepoint | '';
  values: SurveyValues;
  errors: SurveyErrors;
  onChange: (changes: Partial<SurveyValues>) => void;
  /** Name for the radio groups, unique on the page. */
  idPrefix: string;
}

/**
 * The survey's questions, the same at every timepoint: the past-30-day counts, housing, work,
 * treatment, support and (not at intake) satisfaction with the program.
 */
export function SurveyFields({ timepoint, values, errors, onChange, idPrefix }: SurveyFieldsProps) {
  return (
    <>
      <TextField
        label="Day it was taken"
        name="administered_on"
        type="date"
        max={latestSurveyDay()}
        className="field-short"
        description="Leave empty for today."
        value={values.administered_on}
        onChange={(event) => onChange({ administered_on: event.target.value })}
        error={errors.administered_on}
      />
      <fieldset className="fieldset outcome-survey-form__counts">
        <legend className="fieldset__legend">In the past 30 days</legend>
        <p className="field__description">Ask about the last 30 days, up to and including today. Each is a number from 0 to 30.</p>
        <div className="form-grid">
          {DAY_COUNTS.map((count) => (
            <TextField
              key={count.name}
              label={count.label}
              name={count.name}
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
              step={1}
              required
              className="field-short"
              description="In the past 30 days (0 to 30)."
              value={values[count.name]}
              onChange={(event) => onChange({ [count.name]: event.target.value })}
              error={errors[count.name]}
            />
          ))}
        </div>
      </fieldset>
      <div className="fields-2up">
        <SelectField
          label="Housing"
          name="housing"
          required
          placeholder="Choose one"
          description="Where they have been living in the past 30 days."
          options={HOUSING}
          value={values.housing}
          onChange={(event) => onChange({ housing: event.target.value as SurveyValues['housing'] })}
          error={errors.housing}
        />
        <SelectField
          label="Work or study"
          name="employment"
          required
          placeholder="Choose one"
          description="Their main activity in the past 30 days."
          options={EMPLOYMENT}
          value={values.employment}
          onChange={(event) => onChange({ employment: event.target.value as SurveyValues['employment'] })}
          error={errors.employment}
        />
      </div>
      <YesNo
        name={`${idPrefix}-in-treatment`}
        question="Were they in treatment in the past 30 days?"
        description="Any substance use treatment, medication for opioid use disorder included."
        value={values.in_treatment}
        onChange={(in_treatment) => onChange({ in_treatment })}
        error={errors.in_treatment}
      />
      <YesNo
        name={`${idPrefix}-social-support`}
        question="Did they have people to turn to for support in the past 30 days?"
        description="Family, friends, a sponsor, a recovery community."
        value={values.social_support}
        onChange={(social_support) => onChange({ social_support })}
        error={errors.social_support}
      />
      {asksSatisfaction(timepoint) ? (
        <Satisfaction
          name={`${idPrefix}-satisfaction`}
          value={values.satisfaction}
          onChange={(satisfaction) => onChange({ satisfaction })}
          error={errors.satisfaction}
        />
      ) : (
        <p className="form__intro">Satisfaction with the program is not asked at intake.</p>
      )}
    </>
  );
}

interface YesNoProps {
  name: string;
  question: string;
  description: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string | undefined;
}

function YesNo({ name, question, description, value, onChange, error }: YesNoProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={classNames('yes-no', error && 'yes-no--invalid')}
      aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
    >
      <legend className="yes-no__legend">{question}</legend>
      <p id={descriptionId} className="field__description">
        {description}
      </p>
      {error && (
        <p id={errorId} className="field__error">
          <AlertIcon />
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="yes-no__options">
        {[
          { answer: true, label: 'Yes' },
          { answer: false, label: 'No' },
        ].map((option) => (
          <label key={option.label} className="yes-no__option">
            <input
              type="radio"
              name={name}
              value={option.label.toLowerCase()}
              checked={value === option.answer}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(option.answer)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface SatisfactionProps {
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}

function Satisfaction({ name, value, onChange, error }: SatisfactionProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const choices: { value: number | null; label: string; number: string }[] = [
    ...SATISFACTION.map((point) => ({ value: point.value, label: point.label, number: String(point.value) })),
    { value: null, label: 'Not answered', number: '–' },
  ];
  return (
    <fieldset className={classNames('likert', error && 'likert--invalid')} aria-describedby={descriptionId}>
      <legend className="likert__legend">How satisfied are they with the program?</legend>
      <p id={descriptionId} className="field__description">
        Optional: from 1 (very dissatisfied) to 5 (very satisfied).
      </p>
      {error && (
        <p className="field__error">
          <AlertIcon />
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="likert__scale">
        {choices.map((choice) => (
          <label key={choice.number} className="likert__option">
            <input
              type="radio"
              name={name}
              value={choice.value ?? ''}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="likert__value" aria-hidden={choice.value === null || undefined}>
              {choice.number}
            </span>{' '}
            <span className="likert__label">{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
