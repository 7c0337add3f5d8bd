import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useEndMatch } from '../api/end-match';
import { useMatches } from '../api/get-matches';
import type { PeerMatch } from '../types';

import { MatchExplanation } from './match-explanation';
import { MatchHistory } from './match-history';
import { explanationOf, formatInstantDate, points, splitMatches } from './match-labels';
import { MatchReasonDialog } from './match-reason-dialog';
import { MatchSuggestions } from './match-suggestions';
import { PreferencesSummary } from './preferences-summary';

interface PeerMatchSectionProps {
  participantId: string;
  participantName: string;
  /** Specialists and supervisors propose and end matches; admins read them. */
  canMatch: boolean;
}

/**
 * The participant's peer match for staff: the current match and open proposals, what the
 * participant asked for, suggestions with their reasons (to propose one), and the history.
 */
export function PeerMatchSection({ participantId, participantName, canMatch }: PeerMatchSectionProps) {
  const matches = useMatches(participantId);
  const [ending, setEnding] = useState<PeerMatch | null>(null);
  const [ended, setEnded] = useState<PeerMatch | null>(null);

  let current;
  let history = null;
  if (matches.isPending) {
    current = <Loading label="Loading the peer match…" />;
  } else if (matches.isError) {
    current = <FormError error={matches.error} />;
  } else {
    const { active, proposed, history: closed } = splitMatches(matches.data.items);
    history = closed;
    current =
      !active && proposed.length === 0 ? (
        <p>{participantName} has no peer match yet.</p>
      ) : (
        <ul className="open-matches">
          {active && (
            <OpenMatch
              match={active}
              canEnd={canMatch}
              onEnd={() => {
                setEnded(null);
                setEnding(active);
              }}
            />
          )}
          {proposed.map((match) => (
            <OpenMatch
              key={match.id}
              match={match}
              participantName={participantName}
              canEnd={canMatch}
              onEnd={() => {
                setEnded(null);
                setEnding(match);
              }}
            />
          ))}
        </ul>
      );
  }

  return (
    <div className="peer-match">
      <div role="status" className="peer-match__status">
        {ended && (
          <p className="notice">
            {ended.activated_at
              ? `The match with ${ended.specialist_name} has ended.`
              : `The proposal of ${ended.specialist_name} is withdrawn.`}
          </p>
        )}
      </div>
      <h3>Current match</h3>
      {current}

      <h3>What {participantName} asked for</h3>
      <PreferencesSummary participantId={participantId} />

      {canMatch && <MatchSuggestions participantId={participantId} participantName={participantName} />}

      <h3>Match history</h3>
      {history ? <MatchHistory matches={history} /> : null}

      {ending && (
        <EndMatchDialog
          match={ending}
          participantId={participantId}
          participantName={participantName}
          onClose={() => setEnding(null)}
          onEnded={(match) => {
            setEnding(null);
            setEnded(match);
          }}
        />
      )}
    </div>
  );
}

interface OpenMatchProps {
  match: PeerMatch;
  participantName?: string;
  canEnd: boolean;
  onEnd: () => void;
}

function OpenMatch({ match, participantName, canEnd, onEnd }: OpenMatchProps) {
  const name = match.specialist_name;
  const isActive = match.status === 'active';
  return (
    <li className={`open-match open-match--${match.status}`}>
      <div className="suggestion__header">
        <h4 className="suggestion__name">
          {isActive ? `Matched with ${name}` : `Proposed: ${name}`}
        </h4>
        {match.score !== null && (
          <span className="score-badge">
            Score <strong>{match.score}</strong>
            {' '}<span className="visually-hidden">({points(match.score)})</span>
          </span>
        )}
      </div>
      <p className="open-match__when">
        {isActive && match.activated_at
          ? `Active since ${formatInstantDate(match.activated_at)}.`
          : `Proposed ${formatInstantDate(match.proposed_at)}: waiting for ${participantName ?? 'the participant'} to accept or decline.`}
      </p>
      <MatchExplanation
        explanation={explanationOf(match)}
        label={`Why ${name} fits`}
        emptyText="No shared experience was recorded with this match."
      />
      {canEnd && (
        <Button variant="secondary" onClick={onEnd}>
          {isActive ? 'End match' : 'Withdraw proposal'}
          {' '}<span className="visually-hidden">with {name}</span>
        </Button>
      )}
    </li>
  );
}

interface EndMatchDialogProps {
  match: PeerMatch;
  participantId: string;
  participantName: string;
  onClose: () => void;
  onEnded: (match: PeerMatch) => void;
}

function EndMatchDialog({ match, participantId, participantName, onClose, onEnded }: EndMatchDialogProps) {
  const end = useEndMatch(participantId);
  const isActive = match.status === 'active';
  return (
    <MatchReasonDialog
      title={isActive ? `End the match with ${match.specialist_name}?` : `Withdraw the proposal of ${match.specialist_name}?`}
      description={
        isActive
          ? `${participantName} will have no peer specialist until a new match is accepted. The match stays in the history.`
          : `${participantName} will no longer see this proposal. It stays in the history.`
      }
      reasonLabel="Reason"
      reasonRequired
      confirmLabel={isActive ? 'End match' : 'Withdraw proposal'}
      confirmVariant="danger"
      cancelLabel={isActive ? 'Keep the match' : 'Keep the proposal'}
      isPending={end.isPending}
      error={end.error}
      onClose={onClose}
      onConfirm={(reason) => end.mutate({ matchId: match.id, reason: reason ?? '' }, { onSuccess: onEnded })}
    />
  );
}
