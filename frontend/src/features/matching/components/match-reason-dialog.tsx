import { useRef, useState, type ReactNode } from 'react';

import { Button, type ButtonVariant } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/text-area-field';

interface MatchReasonDialogProps {
  title: string;
  description: ReactNode;
  reasonLabel: string;
  /** Ending a match needs a reason; declining or asking for a change does not. */
  reasonRequired?: boolean;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  cancelLabel: string;
  /** The mutation's state: its error is shown in the dialog, and the dialog stays open. */
  isPending: boolean;
  error: unknown;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
}

/** Asks before a change to a match, with a reason (optional or required) in the person's words. */
export function MatchReasonDialog({
  title,
  description,
  reasonLabel,
  reasonRequired = false,
  confirmLabel,
  confirmVariant = 'primary',
  cancelLabel,
  isPending,
  error,
  onConfirm,
  onClose,
}: MatchReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  function confirm() {
    const text = reason.trim();
    if (reasonRequired && !text) {
      setMissing(true);
      return;
    }
    onConfirm(text || undefined);
  }

  return (
    <Dialog open onClose={onClose} initialFocusRef={cancelRef} title={title} description={description}>
      <div className="form">
        <FormError error={error} />
        <TextAreaField
          label={reasonLabel}
          description={reasonRequired ? undefined : 'Optional.'}
          required={reasonRequired}
          rows={3}
          maxLength={2000}
          value={reason}
          error={missing ? 'Say in a few words why.' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim()) setMissing(false);
          }}
        />
        <DialogActions>
          <Button ref={cancelRef} variant="secondary" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button variant={confirmVariant} isLoading={isPending} onClick={confirm}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
