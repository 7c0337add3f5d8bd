import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { problemFieldErrors } from '@/lib/problem';

import { useResolveAlert } from '../api/resolve-alert';
import type { Alert } from '../types';

import { describeAlert } from './alert-labels';

const NOTE_MAX = 2000;

interface ResolveAlertDialogProps {
  alert: Alert;
  onClose: () => void;
  onResolved: (alert: Alert) => void;
}

/** Resolving needs a note on what was done: it stays with the alert. */
export function ResolveAlertDialog({ alert, onClose, onResolved }: ResolveAlertDialogProps) {
  const resolve = useResolveAlert();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const serverErrors = problemFieldErrors(resolve.error, { knownFields: ['note'] });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = note.trim();
    if (!text) {
      setMissing('Write what was done.');
      return;
    }
    resolve.mutate({ alertId: alert.id, note: text }, { onSuccess: onResolved });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Resolve the alert for ${alert.participant_preferred_name}`}
      description={`${alert.participant_preferred_name} ${describeAlert(alert)}. Say what was done: the note stays with the alert.`}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={resolve.error} fieldErrors={serverErrors} />
        <TextAreaField
          label="What was done"
          name="note"
          required
          rows={4}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            setMissing(undefined);
          }}
          error={missing ?? serverErrors.fields.note}
        />
        <DialogActions>
          <Button type="submit" isLoading={resolve.isPending}>
            Resolve alert
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
