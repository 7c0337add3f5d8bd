import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A router holds one navigation blocker at a time, so a page with several forms calls
 * `useUnsavedChanges` once, with "is any form dirty?". Forms report with `onDirtyChange`;
 * the page (or a component holding several forms) gathers them here:
 *
 *     const dirty = useDirtyTracker();              // or useDirtyTracker(onDirtyChange) to pass it up
 *     const unsaved = useUnsavedChanges(dirty.isDirty);
 *     <GoalForm onDirtyChange={dirty.track('add-goal')} />
 *
 * `track(key)` returns the same callback for the same key, so it is safe in props and effects.
 */
export function useDirtyTracker(onDirtyChange?: (dirty: boolean) => void) {
  const [dirtyKeys, setDirtyKeys] = useState<ReadonlySet<string>>(() => new Set());
  const callbacks = useRef(new Map<string, (dirty: boolean) => void>());

  const track = useCallback((key: string) => {
    let callback = callbacks.current.get(key);
    if (!callback) {
      callback = (dirty: boolean) =>
        setDirtyKeys((previous) => {
          if (previous.has(key) === dirty) return previous;
          const next = new Set(previous);
          if (dirty) next.add(key);
          else next.delete(key);
          return next;
        });
      callbacks.current.set(key, callback);
    }
    return callback;
  }, []);

  const isDirty = dirtyKeys.size > 0;
  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  // Gone from the page: nothing of ours is unsaved any more.
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  return { isDirty, track };
}

/** A form's side: tells `onDirtyChange` whether it has unsaved changes, and "no" when it closes. */
export function useReportDirty(isDirty: boolean, onDirtyChange: ((dirty: boolean) => void) | undefined) {
  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
}
