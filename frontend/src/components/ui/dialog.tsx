import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';

import { CrisisLine } from '@/components/crisis-help';

import { classNames } from './class-names';

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');

function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => !element.closest('[inert]') && element.getAttribute('aria-hidden') !== 'true',
  );
}

export interface DialogProps {
  open: boolean;
  /** Called on Escape (unless `dismissible` is false) and by the dialog's own buttons. */
  onClose: () => void;
  title: string;
  /** A short message read together with the title when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** Where focus goes on open; by default the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** `alertdialog` for urgent questions that need an answer (e.g. the sign-out warning). */
  role?: 'dialog' | 'alertdialog';
  /** When false, Escape does nothing: the person must choose one of the actions. */
  dismissible?: boolean;
  className?: string;
}

/**
 * A modal dialog: labelled by its title, focus moves in and stays in (Tab cycles), Escape
 * closes it, the rest of the page is inert while it is open (so the dialog repeats the 988
 * crisis line), and focus returns to where it was.
 */
export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return createPortal(<DialogSurface {...props} />, document.body);
}

function DialogSurface({
  onClose,
  title,
  description,
  children,
  initialFocusRef,
  role = 'dialog',
  dismissible = true,
  className,
}: DialogProps) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const surface = surfaceRef.current;
    const backdrop = backdropRef.current;
    if (!surface || !backdrop) return undefined;
    const previouslyFocused =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // Everything else on the page becomes inert: no clicks, no focus, hidden from screen readers.
    const madeInert: Element[] = [];
    for (const sibling of Array.from(document.body.children)) {
      if (sibling !== backdrop && !sibling.hasAttribute('inert')) {
        sibling.setAttribute('inert', '');
        madeInert.push(sibling);
      }
    }
    document.body.classList.add('has-modal');

    const target = initialFocusRef?.current ?? focusableIn(surface)[0] ?? surface;
    target.focus();

    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      const otherOpen = Array.from(document.querySelectorAll('.dialog-backdrop')).some(
        (element) => element !== backdrop,
      );
      if (!otherOpen) document.body.classList.remove('has-modal');
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, [initialFocusRef]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (dismissible) onClose();
      return;
    }
    if (event.key !== 'Tab' || !surfaceRef.current) return;
    const focusable = focusableIn(surfaceRef.current);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === surfaceRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop" ref={backdropRef}>
      <div
        ref={surfaceRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={classNames('dialog', className)}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {description && (
          <div id={descriptionId} className="dialog__description">
            {description}
          </div>
        )}
        {children}
        {/* The page behind is inert while a dialog is open: the crisis line stays in reach. */}
        <CrisisLine variant="compact" />
      </div>
    </div>
  );
}

/** A row of dialog buttons, the main action first in reading order. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>;
}
