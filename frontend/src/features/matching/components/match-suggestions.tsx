import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { useMatchSuggestions } from '../api/get-match-suggestions';
import { useProposeMatch } from '../api/propose-match';
import type { PeerMatch, Suggestion } from '../types';

import { MatchExplanation } from './match-explanation';
import { points } from './match-labels';

interface MatchSuggestionsProps {
  participantId: string;
  participantName: string;
}

/**
 * The specialists who fit the participant best, each with its score explained, and a button to
 * propose one. Only specialists and supervisors ask for suggestions: for anyone else the
 * section says nothing rather than show a refusal.
 */
export function MatchSuggestions({ participantId, participantName }: MatchSuggestionsProps) {
  const suggestions = useMatchSuggestions(participantId);
  const propose = useProposeMatch(participantId);
  const [proposed, setProposed] = useState<PeerMatch | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // The proposed specialist leaves the list (and its button with it): the notice takes the focus.
  useEffect(() => {
    if (proposed) noticeRef.current?.focus();
  }, [proposed]);

  if (isProblemError(suggestions.error) && suggestions.error.status === 403) return null;

  const failedFor = propose.isError ? propose.variables : null;
  let content;
  if (suggestions.isPending) {
    content = <Loading label="Looking for specialists who fit…" />;
  } else if (isProblemError(suggestions.error) && suggestions.error.status === 409) {
    // No longer active (withdrawn or discharged): a fact about the record, not a failure.
    content = <p>{suggestions.error.detail}</p>;
  } else if (suggestions.isError) {
    content = <FormError error={suggestions.error} />;
  } else if (suggestions.data.items.length === 0) {
    content = (
      <p>
        No specialist fits right now: each one either shares no language with {participantName}, has no space,
        is not taking new participants, or already has an open match with them.
      </p>
    );
  } else {
    content = (
      <ol className="suggestion-list">
        {suggestions.data.items.map((suggestion) => (
          <SuggestionItem
            key={suggestion.specialist_id}
            suggestion={suggestion}
            error={failedFor === suggestion.specialist_id ? propose.error : null}
            isProposing={propose.isPending && propose.variables === suggestion.specialist_id}
            disabled={propose.isPending}
            onPropose={() => {
              setProposed(null);
              propose.mutate(suggestion.specialist_id, { onSuccess: setProposed });
            }}
          />
        ))}
      </ol>
    );
  }

  return (
    <div className="match-suggestions">
      <h3>Suggested specialists</h3>
      <p className="section-intro">
        Ranked by shared lived experience. Everyone here speaks a language {participantName} speaks, has space, and
        fits their stated preferences. {participantName} chooses: a proposal waits for their answer.
      </p>
      {proposed && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
          {proposed.specialist_name} is proposed. {participantName} will see the proposal and can accept or decline it.
        </p>
      )}
      {content}
    </div>
  );
}

interface SuggestionItemProps {
  suggestion: Suggestion;
  error: unknown;
  isProposing: boolean;
  disabled: boolean;
  onPropose: () => void;
}

function SuggestionItem({ suggestion, error, isProposing, disabled, onPropose }: SuggestionItemProps) {
  const name = suggestion.display_name;
  return (
    <li className="suggestion">
      <div className="suggestion__header">
        <h4 className="suggestion__name">{name}</h4>
        <span className="score-badge">
          Score <strong>{suggestion.score}</strong>
          {' '}<span className="visually-hidden">({points(suggestion.score)})</span>
        </span>
      </div>
      <MatchExplanation
        explanation={suggestion.explanation}
        label={`Why ${name} fits`}
        emptyText="Fits the essentials (a shared language and space on the caseload) but shares no recorded experience: 0 points."
      />
      {/* A refusal (409 already open, 422 a rule broken) is said beside the specialist it is about. */}
      <FormError error={error} />
      <Button variant="secondary" isLoading={isProposing} disabled={disabled && !isProposing} onClick={onPropose}>
        Propose{' '}<span className="visually-hidden">{name}</span>
      </Button>
    </li>
  );
}
