import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useAcceptMatch } from '../api/accept-match';
import { useDeclineMatch } from '../api/decline-match';
import { useMatches } from '../api/get-matches';
import { useRequestMatchChange } from '../api/request-match-change';
import type { PeerMatch } from '../types';

import { MatchExplanation } from './match-explanation';
import { MatchHistory } from './match-history';
import { explanationOf, formatInstantDate, splitMatches } from './match-labels';
import { MatchReasonDialog } from './match-reason-dialog';

/**
 * The participant's own peer match: a proposed peer with the reasons it was suggested, to
 * accept or decline; the current peer, with a way to ask for someone else; earlier matches.
 * The choice is always theirs, and nothing else depends on it.
 */
export function MyPeerMatch({ participantId }: { participantId: string }) {
  const matches = useMatches(participantId);
  const accept = useAcceptMatch(participantId);
  const [declining, setDeclining] = useState<PeerMatch | null>(null);
  const [askingChange, setAskingChange] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // The buttons that were pressed are gone after the change: the confirmation takes the focus.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (matches.isPending) return <Loading label="Loading your peer match…" />;
  if (matches.isError) return <FormError error={matches.error} />;

  const { active, proposed, history } = splitMatches(matches.data.items);
  const acceptFailedFor = accept.isError ? accept.variables : null;

  return (
    <div className="my-match">
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
          {notice}
        </p>
      )}

      {proposed.map((match) => (
        <section key={match.id} className="my-match__card my-match__card--proposed" aria-labelledby={`proposal-${match.id}`}>
          <h2 id={`proposal-${match.id}`}>We suggest {match.specialist_name} as your peer</h2>
          <p>Proposed on {formatInstantDate(match.proposed_at)}. It is your choice: say yes, or say no and we will look again.</p>
          <h3>Why {match.specialist_name} could be a good fit</h3>
          <MatchExplanation
            explanation={explanationOf(match)}
            label={`Why ${match.specialist_name} could be a good fit`}
            withPoints={false}
            emptyText="They speak your language and have time for you."
          />
          {active && (
            <p className="my-match__note">
              Accepting ends your match with {active.specialist_name}.
            </p>
          )}
          <FormError error={acceptFailedFor === match.id ? accept.error : null} />
          <div className="button-row">
            <Button
              isLoading={accept.isPending && accept.variables === match.id}
              disabled={accept.isPending}
              onClick={() =>
                accept.mutate(match.id, {
                  onSuccess: (accepted) => setNotice(`${accepted.specialist_name} is now your peer specialist.`),
                })
              }
            >
              Accept{' '}<span className="visually-hidden">{match.specialist_name}</span>
            </Button>
            <Button
              variant="secondary"
              disabled={accept.isPending}
              onClick={() => {
                setNotice(null);
                setDeclining(match);
              }}
            >
              Decline{' '}<span className="visually-hidden">{match.specialist_name}</span>
            </Button>
          </div>
        </section>
      ))}

      {active ? (
        <section className="my-match__card my-match__card--active" aria-labelledby="my-peer-heading">
          <h2 id="my-peer-heading">Your peer specialist is {active.specialist_name}</h2>
          {active.activated_at && <p>Since {formatInstantDate(active.activated_at)}.</p>}
          <h3>What you share</h3>
          <MatchExplanation
            explanation={explanationOf(active)}
            label="What you share"
            withPoints={false}
            emptyText="Nothing was noted about what you share when you were matched."
          />
          <p className="my-match__note">
            If it does not feel right, you can ask for someone else at any time. Your plan and check-ins stay as they are.
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              setNotice(null);
              setAskingChange(true);
            }}
          >
            Ask for a different match
          </Button>
        </section>
      ) : (
        proposed.length === 0 && (
          <section className="my-match__card" aria-labelledby="my-peer-heading">
            <h2 id="my-peer-heading">You do not have a peer specialist yet</h2>
            <p>
              Your team is looking for someone who fits you. When they suggest someone, you will see them here, with
              the reasons, and you choose. Telling us what matters to you below helps.
            </p>
          </section>
        )
      )}

      {history.length > 0 && (
        <section className="my-match__history" aria-labelledby="my-earlier-matches-heading">
          <h2 id="my-earlier-matches-heading">Earlier matches</h2>
          <MatchHistory matches={history} />
        </section>
      )}

      {declining && (
        <DeclineDialog
          match={declining}
          participantId={participantId}
          onClose={() => setDeclining(null)}
          onDeclined={(match) => {
            setDeclining(null);
            setNotice(`You declined ${match.specialist_name}. Your team will look for someone else.`);
          }}
        />
      )}
      {askingChange && active && (
        <RequestChangeDialog
          match={active}
          participantId={participantId}
          onClose={() => setAskingChange(false)}
          onRequested={(match) => {
            setAskingChange(false);
            setNotice(`Your match with ${match.specialist_name} has ended. Your team will suggest someone else.`);
          }}
        />
      )}
    </div>
  );
}

interface DeclineDialogProps {
  match: PeerMatch;
  participantId: string;
  onClose: () => void;
  onDeclined: (match: PeerMatch) => void;
}

function DeclineDialog({ match, participantId, onClose, onDeclined }: DeclineDialogProps) {
  const decline = useDeclineMatch(participantId);
  return (
    <MatchReasonDialog
      title={`Decline ${match.specialist_name}?`}
      description="That is okay: your team will look for someone else. Nothing else changes."
      reasonLabel="Would you like to say why?"
      confirmLabel="Decline"
      cancelLabel="Go back"
      isPending={decline.isPending}
      error={decline.error}
      onClose={onClose}
      onConfirm={(reason) =>
        decline.mutate({ matchId: match.id, ...(reason && { reason }) }, { onSuccess: onDeclined })
      }
    />
  );
}

interface RequestChangeDialogProps {
  match: PeerMatch;
  participantId: string;
  onClose: () => void;
  onRequested: (match: PeerMatch) => void;
}

function RequestChangeDialog({ match, participantId, onClose, onRequested }: RequestChangeDialogProps) {
  const request = useRequestMatchChange(participantId);
  return (
    <MatchReasonDialog
      title="Ask for a different match?"
      description={`Your match with ${match.specialist_name} ends now, and your team will suggest someone else for you to choose. Your plan and check-ins stay as they are.`}
      reasonLabel="Would you like to say why?"
      confirmLabel="Ask for a different match"
      cancelLabel={`Keep ${match.specialist_name}`}
      isPending={request.isPending}
      error={request.error}
      onClose={onClose}
      onConfirm={(reason) => request.mutate(reason, { onSuccess: onRequested })}
    />
  );
}
