import { useRef } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';

import { useRevokeIntegratorClient } from '../api/revoke-integrator-client';
import type { IntegratorClient } from '../types';

interface RevokeClientDialogProps {
  client: IntegratorClient;
  onClose: () => void;
  onRevoked: (client: IntegratorClient) => void;
}

/** Asks before revoking; the safe answer ("Keep the client") has the focus. */
export function RevokeClientDialog({ client, onClose, onRevoked }: RevokeClientDialogProps) {
  const revoke = useRevokeIntegratorClient();
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Revoke ${client.name}?`}
      description={
        <p>
          Its secret and any access token it holds stop working at once, and it receives no more outcome data. This
          cannot be undone: to connect it again, register a new client. What it has already received stays listed in
          participants’ accounting of disclosures.
        </p>
      }
      initialFocusRef={keepRef}
    >
      <FormError error={revoke.error} />
      <DialogActions>
        <Button
          variant="danger"
          isLoading={revoke.isPending}
          onClick={() =>
            revoke.mutate(client.client_id, {
              onSuccess: () => onRevoked(client),
              // The busy button was disabled and lost the focus: keep it in the dialog.
              onError: () => keepRef.current?.focus(),
            })
          }
        >
          Revoke client
        </Button>
        <Button ref={keepRef} variant="secondary" onClick={onClose}>
          Keep the client
        </Button>
      </DialogActions>
    </Dialog>
  );
}
