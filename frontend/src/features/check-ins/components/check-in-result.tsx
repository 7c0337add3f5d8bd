import { useEffect, useId, useRef } from 'react';

import { CrisisLine } from '@/components/crisis-help';
import { Button } from '@/components/ui/button';
import { RiskBadge } from '@/components/ui/risk-badge';

import type { CheckIn } from '../api/create-check-in';
import { formatRiskReasons } from './check-in-labels';

interface CheckInResultProps {
  checkIn: CheckIn;
  /** The participant checked in for themselves (else staff entered it on their behalf). */
  forSelf: boolean;
  onStartAnother: () => void;
}

/**
 * What a saved check-in says back, calmly. A participant sees thanks, never a risk label; on
 * a hard day (high or crisis) also that their peer specialist will see it and the 988 line.
 * Staff see the derived risk and its reasons.
 */
export function CheckInResult({ checkIn, forSelf, onStartAnother }: CheckInResultProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const hardDay = checkIn.risk_level === 'high' || checkIn.risk_level === 'crisis';

  // The form is gone: start screen readers and keyboards at its answer.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={hardDay ? 'check-in-result check-in-result--support' : 'check-in-result'}
      aria-labelledby={titleId}
      role="region"
    >
      {forSelf ? (
        <>
          <p id={titleId} className="check-in-result__title">
            Thank you for checking in.
          </p>
          {hardDay ? (
            <>
              <p>
                It sounds like things are hard right now. You don't have to carry this alone.
              </p>
              <p className="check-in-result__emphasis">Your peer specialist will see this.</p>
              {checkIn.wants_contact && <p>You asked for someone to contact you: they will reach out as soon as they can.</p>}
              <p>If you want to talk to someone now, the 988 Lifeline is there for you, any time.</p>
              <CrisisLine />
            </>
          ) : (
            <>
              <p>Your check-in is saved. Every check-in helps you and your peer specialist see how things are going.</p>
              {checkIn.wants_contact && (
                <p className="check-in-result__emphasis">
                  You asked for someone to contact you. Your peer specialist will see this and reach out.
                </p>
              )}
            </>
          )}
        </>
      ) : (
        <>
          <p id={titleId} className="check-in-result__title">
            Check-in saved on the participant's behalf.
          </p>
          <p className="check-in-result__risk">
            <RiskBadge level={checkIn.risk_level} />
            {checkIn.risk_reasons.length > 0 && (
              <span className="check-in-result__reasons">Why: {formatRiskReasons(checkIn.risk_reasons)}</span>
            )}
          </p>
          {checkIn.wants_contact && <p>They asked to be contacted.</p>}
          {hardDay && (
            <>
              <p>Consider reaching out today. If they need to talk to someone now, they can call or text 988.</p>
              <CrisisLine variant="compact" />
            </>
          )}
        </>
      )}
      <div className="button-row">
        <Button variant="secondary" onClick={onStartAnother}>
          Start another check-in
        </Button>
      </div>
    </div>
  );
}
