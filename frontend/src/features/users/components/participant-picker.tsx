import { useEffect, useId, useState } from 'react';

import { classNames } from '@/components/ui/class-names';
import { FieldDescription, FieldErrorMessage } from '@/components/ui/field-parts';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import type { Schemas } from '@/lib/api-client';

import { useParticipantSearch } from '../api/search-participants';

export type ParticipantChoice = Pick<Schemas['ParticipantRead'], 'id' | 'preferred_name' | 'email' | 'enrolled_at'>;

const SEARCH_DEBOUNCE_MS = 300;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface ParticipantPickerProps {
  value: ParticipantChoice | null;
  onChange: (participant: ParticipantChoice) => void;
  error?: string | undefined;
}

/**
 * Links a participant account to its record: search by name (`GET /participants?q=`), then
 * choose one of the matches (a radio group, so it works with the keyboard and is read as a
 * single choice).
 */
export function ParticipantPicker({ value, onChange, error }: ParticipantPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useParticipantSearch(query);
  const matches = search.data?.items ?? [];
  // The chosen one stays listed while another name is searched.
  const choices = value && !matches.some((match) => match.id === value.id) ? [value, ...matches] : matches;

  const descriptionId = `${id}-description`;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <fieldset
      className={classNames('option-group participant-picker', error && 'option-group--invalid')}
      aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ')}
    >
      <legend className="option-group__legend">
        Participant record<span className="field__required"> (required)</span>
      </legend>
      <FieldDescription id={descriptionId}>
        A participant account opens this person’s own record. Search by name, then choose them.
      </FieldDescription>
      <FieldErrorMessage id={errorId} message={error} />
      <TextField
        label="Find participant by name"
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once instead of sending the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            setQuery(text.trim());
          }
        }}
      />
      <div className="participant-picker__results" aria-busy={search.isFetching || undefined}>
        {search.isPending ? (
          <Spinner label="Searching…" />
        ) : search.isError ? (
          <p className="field__error">We couldn’t search the participants. Try again in a moment.</p>
        ) : choices.length === 0 ? (
          <p className="quiet-text">No one matches that name.</p>
        ) : (
          <ul className="participant-picker__list" aria-label="Matching participants">
            {choices.map((participant) => (
              <li key={participant.id} className="checkbox">
                <input
                  id={`${id}-${participant.id}`}
                  type="radio"
                  className="checkbox__control"
                  name={`${id}-participant`}
                  value={participant.id}
                  checked={value?.id === participant.id}
                  onChange={() => onChange(participant)}
                />
                <label className="checkbox__label" htmlFor={`${id}-${participant.id}`}>
                  {participant.preferred_name}
                  <span className="participant-picker__detail">
                    {' '}
                    · enrolled {dateFormat.format(new Date(participant.enrolled_at))}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
