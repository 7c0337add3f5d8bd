import { useEffect, useId, useRef, useState } from 'react';

import { CrisisLine } from '@/components/crisis-help';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

import { useMyCrisisPlan } from '../api/get-my-crisis-plan';
import { CrisisReportProblem, newCrisisReportKey, useReportCrisis } from '../api/report-crisis';
import type { CrisisContact } from '../types';

import { CallList } from './call-list';

const CALL_DIRECTLY =
  'We could not reach your support team just now. Please call one of these contacts directly. ' +
  'If you are in danger, call or text 988 (Suicide & Crisis Lifeline) or call 911.';

interface HelpNowProps {
  participantId: string;
  /** Also show the 988 Lifeline beside the button (the crisis plan page). */
  withLifeline?: boolean;
}

/**
 * "I need help now". Pressing it shows 988 and the participant's contacts at once (from the
 * crisis plan kept on this device; 988 needs nothing), then tells the specialist
 * (`POST /crisis-events` with an Idempotency-Key made for this press and reused by every
 * retry) and shows what the server answered. When that fails, whatever the reason, 988 and
 * the contacts stay, with the advice to call them directly.
 */
export function HelpNow({ participantId, withLifeline = false }: HelpNowProps) {
  const plan = useMyCrisisPlan(participantId);
  const report = useReportCrisis(participantId);
  const [open, setOpen] = useState(false);
  const key = useRef<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  function send() {
    key.current ??= newCrisisReportKey();
    report.mutate({ idempotencyKey: key.current });
  }

  function press() {
    setOpen(true);
    // The last call for help is still on its way: it answers here.
    if (report.isPending) return;
    // Answered after the panel was closed: this press is a new call for help.
    if (report.isSuccess) {
      key.current = null;
      report.reset();
    }
    // Otherwise a new press, or one after a failure: that failure's key is sent again.
    send();
  }

  function close() {
    setOpen(false);
    // The next press is a new call for help, with a new key.
    if (!report.isPending) {
      key.current = null;
      report.reset();
    }
  }

  const failure = report.error instanceof CrisisReportProblem ? report.error : null;
  // Who to call: the server's list once it answers; until then (and if it never does) the
  // copy on this device; at the very least the failure's own list (988).
  let contacts: readonly CrisisContact[] = report.data?.contacts ?? plan.data?.plan.contacts ?? [];
  if (contacts.length === 0 && failure) contacts = failure.contacts;
  // 988 is shown above, large: the list holds everyone else, in the participant's order.
  const others = contacts.filter((contact) => !contact.is_lifeline);

  return (
    <div className={`help-now${withLifeline ? ' help-now--with-lifeline' : ''}`}>
      {!open && (
        <div className="help-now__start">
          <Button variant="danger" className="help-now__button" onClick={press}>
            I need help now
          </Button>
          <p className="help-now__hint">
            Your peer specialist is told straight away, and who to call is shown at once.
          </p>
        </div>
      )}
      {!open && withLifeline && <CrisisLine />}
      {open && (
        <section ref={panelRef} tabIndex={-1} className="help-now__panel" aria-labelledby={titleId}>
          <h2 id={titleId} className="help-now__title">
            You are not alone. Call someone now.
          </h2>
          <div role="status" className="help-now__status">
            {report.isPending && (
              <p className="help-now__sending">
                <Spinner size="small" label={null} />{' '}
                {report.failureCount > 0
                  ? 'The connection dropped. Trying again to let your peer specialist know…'
                  : 'Letting your peer specialist know…'}
              </p>
            )}
            {report.isSuccess && <p className="help-now__message">{report.data.message}</p>}
            {report.isError && (
              <p className="help-now__message help-now__message--failed">
                {failure?.advice ? `${failure.advice} ` : ''}
                {CALL_DIRECTLY}
              </p>
            )}
          </div>
          {report.isError && (
            <Button variant="secondary" onClick={send}>
              Try again to alert my peer specialist
            </Button>
          )}
          <CrisisLine />
          {others.length > 0 && (
            <>
              <h3 className="help-now__contacts-title">Your contacts</h3>
              <CallList contacts={others} label="Your contacts, in the order to call them" />
            </>
          )}
          <Button variant="quiet" onClick={close}>
            Close
          </Button>
        </section>
      )}
    </div>
  );
}
