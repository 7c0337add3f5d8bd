import { useRef } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { useIdleTimer } from '@/hooks/use-idle-timer';
import { useSession } from '@/lib/auth/use-session';

import { signOut } from '@/features/auth/api/sign-out';

export const IDLE_TIMEOUT_MS = 15 * 60_000;
export const IDLE_WARNING_MS = 2 * 60_000;

export function formatDuration(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.round(ms / 60_000);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

interface IdleLogoffProps {
  timeoutMs?: number;
  warningMs?: number;
  /** Share activity with the app's other tabs (off in tests). */
  crossTab?: boolean;
}

/**
 * Automatic logoff (HIPAA §164.312(a)(2)(iii)): after `timeoutMs` without activity the session
 * ends; `warningMs` before, a dialog offers to stay signed in.
 */
export function IdleLogoff({
  timeoutMs = IDLE_TIMEOUT_MS,
  warningMs = IDLE_WARNING_MS,
  crossTab = true,
}: IdleLogoffProps) {
  const { status } = useSession();
  const stayButton = useRef<HTMLButtonElement>(null);
  const { isWarning, stayActive } = useIdleTimer({
    timeoutMs,
    warningMs,
    crossTab,
    enabled: status === 'signed-in',
    onIdle: () => void signOut('idle'),
  });

  return (
    <Dialog
      open={isWarning && status === 'signed-in'}
      onClose={stayActive}
      role="alertdialog"
      title="Are you still there?"
      description={`You'll be signed out in ${formatDuration(warningMs)} to keep this information private. Stay signed in?`}
      initialFocusRef={stayButton}
    >
      <DialogActions>
        <Button ref={stayButton} onClick={stayActive}>
          Stay signed in
        </Button>
        <Button variant="secondary" onClick={() => void signOut('signed-out')}>
          Sign out now
        </Button>
      </DialogActions>
    </Dialog>
  );
}
