import type { UnsavedChanges } from '@/hooks/use-unsaved-changes';

import { Button } from './ui/button';
import { Dialog, DialogActions } from './ui/dialog';

/** Asks before leaving a form with changes; "Stay" keeps everything as typed. */
export function UnsavedChangesDialog({ state }: { state: UnsavedChanges }) {
  return (
    <Dialog
      open={state.isBlocked}
      onClose={state.stay}
      title="Leave without saving?"
      description="You have changes on this page that are not saved yet. If you leave, they will be lost."
    >
      <DialogActions>
        <Button onClick={state.stay}>Stay on this page</Button>
        <Button variant="danger" onClick={state.proceed}>
          Leave and discard changes
        </Button>
      </DialogActions>
    </Dialog>
  );
}
