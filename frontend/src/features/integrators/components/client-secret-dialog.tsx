import { useId, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { AlertIcon } from '@/components/ui/icons';

import type { RegisteredClient } from '../types';

type CopyState = { what: 'id' | 'secret'; ok: boolean } | null;

/** Copies with the async Clipboard API; false when the browser has none or refuses. */
async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface ClientSecretDialogProps {
  client: RegisteredClient;
  /** Called once the admin confirms the secret is stored: the secret is then forgotten. */
  onDone: () => void;
}

/**
 * The one and only showing of a new client's secret: a copy button for it and for the client
 * id, a plain warning that it cannot be shown again, and a confirmation before it goes. Escape
 * does not close it, so it is not lost by accident.
 */
export function ClientSecretDialog({ client, onDone }: ClientSecretDialogProps) {
  const id = useId();
  const copyButtonRef = useRef<HTMLButtonElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<CopyState>(null);
  const [stored, setStored] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>(undefined);

  async function copy(what: 'id' | 'secret') {
    const ok = await copyText(what === 'secret' ? client.client_secret : client.client_id);
    setCopied({ what, ok });
    // Without the clipboard, select the text so a keyboard shortcut copies it.
    if (!ok) (what === 'secret' ? secretRef : idRef).current?.select();
  }

  function done() {
    if (!stored) {
      setConfirmError('Confirm that you have stored the secret: it cannot be shown again.');
      return;
    }
    onDone();
  }

  const name = copied?.what === 'secret' ? 'secret' : 'client ID';
  return (
    <Dialog
      open
      role="alertdialog"
      dismissible={false}
      onClose={onDone}
      title="Store the client secret now"
      className="dialog--wide client-secret-dialog"
      initialFocusRef={copyButtonRef}
      description={
        <div className="client-secret-dialog__warning">
          <AlertIcon className="client-secret-dialog__icon" />
          <p>
            <strong>You will not see this secret again.</strong> The server keeps only a fingerprint of it, so nobody can
            show it later, you included. Give it to {client.name} through a secure channel. If it is lost, revoke this
            client and register a new one.
          </p>
        </div>
      }
    >
      <div className="client-secret-dialog__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-client-id`}>
            Client ID
          </label>
          <div className="client-secret-dialog__value">
            <input
              ref={idRef}
              id={`${id}-client-id`}
              className="field__control client-secret-dialog__code"
              readOnly
              value={client.client_id}
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button variant="secondary" onClick={() => void copy('id')}>
              Copy the client ID
            </Button>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-client-secret`}>
            Client secret
          </label>
          <div className="client-secret-dialog__value">
            <input
              ref={secretRef}
              id={`${id}-client-secret`}
              className="field__control client-secret-dialog__code"
              readOnly
              spellCheck={false}
              autoComplete="off"
              value={client.client_secret}
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button ref={copyButtonRef} onClick={() => void copy('secret')}>
              Copy the secret
            </Button>
          </div>
        </div>
        <p role="status" className="client-secret-dialog__copied">
          {copied &&
            (copied.ok
              ? `The ${name} is copied to the clipboard.`
              : `Copying is not available in this browser. The ${name} is selected: copy it with Ctrl+C (⌘C on a Mac).`)}
        </p>
      </div>
      <Checkbox
        label="I have stored the client ID and secret somewhere safe"
        checked={stored}
        onChange={(event) => {
          setStored(event.target.checked);
          setConfirmError(undefined);
        }}
        error={confirmError}
      />
      <DialogActions>
        <Button onClick={done}>Done</Button>
      </DialogActions>
    </Dialog>
  );
}
