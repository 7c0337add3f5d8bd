import { useCallback, useEffect, useRef, useState } from 'react';

// What counts as someone being there. Visibility is handled on its own (see below).
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const CROSS_TAB_CHANNEL = 'prss-activity';
// Tell other tabs at most this often: pointermove fires many times a second.
const CROSS_TAB_THROTTLE_MS = 5_000;

export interface IdleTimerOptions {
  /** Inactivity after which `onIdle` runs. */
  timeoutMs: number;
  /** How long before `timeoutMs` the warning shows. */
  warningMs: number;
  /** Runs once when the time is up. */
  onIdle: () => void;
  /** Off while signed out. */
  enabled?: boolean;
  /**
   * Share activity between this app's tabs, so working in one tab keeps the others open.
   * Off in tests.
   */
  crossTab?: boolean;
}

export interface IdleTimerState {
  /** The warning period has begun: ask the person whether to stay signed in. */
  isWarning: boolean;
  /** The person answered "stay": start counting again. */
  stayActive: () => void;
}

/**
 * Counts time without activity (pointer, keys, touch, the tab becoming visible) and warns
 * `warningMs` before calling `onIdle`. The count uses the wall clock, so a tab whose timers the
 * browser slowed in the background still ends on time. While the warning shows, only
 * `stayActive` (a deliberate answer) resets the count; moving the mouse does not.
 */
export function useIdleTimer({
  timeoutMs,
  warningMs,
  onIdle,
  enabled = true,
  crossTab = true,
}: IdleTimerOptions): IdleTimerState {
  const [isWarning, setIsWarning] = useState(false);
  const lastActivity = useRef(Date.now());
  const warningRef = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onIdleRef = useRef(onIdle);
  const evaluateRef = useRef<() => void>(() => {});
  const channelRef = useRef<BroadcastChannel | null>(null);
  const lastBroadcast = useRef(0);

  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  const setWarning = useCallback((value: boolean) => {
    warningRef.current = value;
    setIsWarning(value);
  }, []);

  const evaluate = useCallback(() => {
    clearTimeout(timer.current);
    const elapsed = Date.now() - lastActivity.current;
    if (elapsed >= timeoutMs) {
      setWarning(false);
      onIdleRef.current();
      return;
    }
    const warnAt = timeoutMs - warningMs;
    if (elapsed >= warnAt) {
      if (!warningRef.current) setWarning(true);
      timer.current = setTimeout(() => evaluateRef.current(), timeoutMs - elapsed);
    } else {
      if (warningRef.current) setWarning(false);
      timer.current = setTimeout(() => evaluateRef.current(), warnAt - elapsed);
    }
  }, [timeoutMs, warningMs, setWarning]);

  useEffect(() => {
    evaluateRef.current = evaluate;
  }, [evaluate]);

  const tellOtherTabs = useCallback((force = false) => {
    const now = Date.now();
    if (channelRef.current && (force || now - lastBroadcast.current > CROSS_TAB_THROTTLE_MS)) {
      lastBroadcast.current = now;
      channelRef.current.postMessage('active');
    }
  }, []);

  /** Counts as activity now and re-plans the timer. */
  const markActive = useCallback(() => {
    lastActivity.current = Date.now();
    evaluateRef.current();
  }, []);

  useEffect(() => {
    if (!enabled) {
      clearTimeout(timer.current);
      setWarning(false);
      return undefined;
    }
    lastActivity.current = Date.now();
    evaluate();

    function onActivity() {
      // During the warning only a deliberate answer counts.
      if (!warningRef.current) {
        // Cheap on purpose (pointermove): the timer re-reads lastActivity when it fires.
        lastActivity.current = Date.now();
        tellOtherTabs();
      }
    }
    function onVisibilityChange() {
      if (document.visibilityState !== 'visible') return;
      // Timers may have been frozen while hidden: settle the time first, then count the return.
      evaluateRef.current();
      if (!warningRef.current && Date.now() - lastActivity.current < timeoutMs) {
        markActive();
        tellOtherTabs();
      }
    }

    for (const name of ACTIVITY_EVENTS) {
      document.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    document.addEventListener('visibilitychange', onVisibilityChange);

    if (crossTab && typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(CROSS_TAB_CHANNEL);
      channel.onmessage = () => markActive();
      channelRef.current = channel;
    }

    return () => {
      clearTimeout(timer.current);
      for (const name of ACTIVITY_EVENTS) {
        document.removeEventListener(name, onActivity, { capture: true });
      }
      document.removeEventListener('visibilitychange', onVisibilityChange);
      channelRef.current?.close();
      channelRef.current = null;
    };
  }, [enabled, crossTab, timeoutMs, evaluate, markActive, tellOtherTabs, setWarning]);

  const stayActive = useCallback(() => {
    markActive();
    tellOtherTabs(true);
  }, [markActive, tellOtherTabs]);

  return { isWarning, stayActive };
}
