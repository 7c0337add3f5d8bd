import { useRef } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';

import { useDeactivateUser } from '../api/deactivate-user';
import type { UserRead } from '../api/get-users';

interface DeactivateUserDialogProps {
  user: UserRead;
  onClose: () => void;
  onDeactivated: (user: UserRead) => void;
}

/** Asks before deactivating; the safe answer ("Keep the account") has the focus. */
export function DeactivateUserDialog({ user, onClose, onDeactivated }: DeactivateUserDialogProps) {
  const deactivate = useDeactivateUser();
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Deactivate ${user.display_name}’s account?`}
      description={
        <p>
          {user.display_name} ({user.email}) will be signed out everywhere and will no longer be able to sign in.
          Their records, and everything they recorded, stay as they are.
        </p>
      }
      initialFocusRef={keepRef}
    >
      <FormError error={deactivate.error} />
      <DialogActions>
        <Button
          variant="danger"
          isLoading={deactivate.isPending}
          onClick={() =>
            deactivate.mutate(user.id, {
              onSuccess: () => onDeactivated(user),
              // The busy button was disabled and lost the focus: keep it in the dialog.
              onError: () => keepRef.current?.focus(),
            })
          }
        >
          Deactivate account
        </Button>
        <Button ref={keepRef} variant="secondary" onClick={onClose}>
          Keep the account
        </Button>
      </DialogActions>
    </Dialog>
  );
}
