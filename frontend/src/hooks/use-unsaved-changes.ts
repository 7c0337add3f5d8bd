import { useCallback, useEffect } from 'react';
import { useBlocker, type Location } from 'react-router-dom';

/**
 * Set this in a navigation's state to pass a dirty form without asking: the app does so when
 * the session ends (sign-out and automatic logoff must not be held up by a form).
 */
export const SKIP_UNSAVED_CHANGES_CHECK = 'skipUnsavedChangesCheck';

export interface UnsavedChanges {
  /** A navigation is waiting for the person's answer. */
  isBlocked: boolean;
  /** Leave, discarding the changes. */
  proceed: () => void;
  /** Stay on the page with the changes. */
  stay: () => void;
}

function skipsCheck(location: Location): boolean {
  const state: unknown = location.state;
  return typeof state === 'object' && state !== null && SKIP_UNSAVED_CHANGES_CHECK in state;
}

/**
 * Must never lose what someone typed: while `isDirty`, closing or reloading the tab asks the
 * browser's own question (beforeunload), and leaving the page inside the app is held until the
 * person answers. Render `<UnsavedChangesDialog state={...} />` with the result.
 * Needs the data router (createBrowserRouter), which the app uses.
 */
export function useUnsavedChanges(isDirty: boolean): UnsavedChanges {
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
        isDirty &&
        !skipsCheck(nextLocation) &&
        (currentLocation.pathname !== nextLocation.pathname ||
          currentLocation.search !== nextLocation.search),
      [isDirty],
    ),
  );

  useEffect(() => {
    if (!isDirty) return undefined;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  // A form that became clean (saved) while a navigation waited lets it through.
  useEffect(() => {
    if (blocker.state === 'blocked' && !isDirty) blocker.proceed();
  }, [blocker, isDirty]);

  return {
    isBlocked: blocker.state === 'blocked',
    proceed: () => blocker.proceed?.(),
    stay: () => blocker.reset?.(),
  };
}
