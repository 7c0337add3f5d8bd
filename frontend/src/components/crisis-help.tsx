/**
 * "Need help now?": always in the header, on every screen, signed in or not. It needs no API
 * and no network beyond this page, so it still works when everything else fails.
 */
import { useEffect, useId, useRef, useState } from 'react';

import { classNames } from './ui/class-names';
import { MessageIcon, PhoneIcon } from './ui/icons';

const LIFELINE = '988';

/** The 988 Suicide & Crisis Lifeline: call or text. */
export function CrisisLine({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  if (variant === 'compact') {
    return (
      <p className="crisis-line crisis-line--compact">
        Need help now? <a href={`tel:${LIFELINE}`}>Call 988</a> or{' '}
        <a href={`sms:${LIFELINE}`}>text 988</a> (Suicide &amp; Crisis Lifeline).
      </p>
    );
  }
  return (
    <div className="crisis-line">
      <p className="crisis-line__lead">Call or text 988 (Suicide &amp; Crisis Lifeline)</p>
      <p className="crisis-line__detail">Free and confidential, any time, day or night.</p>
      <div className="crisis-line__actions">
        <a className="button button--primary crisis-line__action" href={`tel:${LIFELINE}`}>
          <PhoneIcon />
          Call 988
        </a>
        <a className="button button--secondary crisis-line__action" href={`sms:${LIFELINE}`}>
          <MessageIcon />
          Text 988
        </a>
      </div>
      <p className="crisis-line__detail">If you are in immediate danger, call 911.</p>
    </div>
  );
}

/** The header's disclosure button and the panel it opens. */
export function CrisisHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="crisis-help" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className={classNames('crisis-help__toggle', open && 'is-open')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Need help now?
      </button>
      <section
        id={panelId}
        className="crisis-help__panel"
        aria-labelledby={headingId}
        hidden={!open}
      >
        <h2 id={headingId} className="crisis-help__title">
          Help is available now
        </h2>
        <CrisisLine />
      </section>
    </div>
  );
}
