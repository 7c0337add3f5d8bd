import { useEffect, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { AlertIcon } from '@/components/ui/icons';
import { TextField } from '@/components/ui/text-field';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { problemFieldErrors } from '@/lib/problem';

import { useCreateIntegratorClient } from '../api/create-integrator-client';
import type { IntegratorScope } from '../types';

import { ClientSecretDialog } from './client-secret-dialog';
import { SCOPES } from './integrator-labels';

const FIELDS = ['name', 'scopes'] as const;
type Field = (typeof FIELDS)[number];
const DEFAULT_SCOPES: IntegratorScope[] = ['outcomes:read'];

function validate(name: string, scopes: readonly IntegratorScope[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!name.trim()) errors.name = 'Enter who the integrator is, such as the funder or team.';
  if (scopes.length === 0) errors.scopes = 'Choose what the client may read.';
  return errors;
}

/**
 * Registers an integrator client. The answer carries the client secret: it is shown once in a
 * dialog, and forgotten (the mutation is reset) when the admin closes it.
 */
export function RegisterClientForm() {
  const create = useCreateIntegratorClient();
  const formRef = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<IntegratorScope[]>(DEFAULT_SCOPES);
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isDirty = name.trim() !== '' && !create.isSuccess;
  const unsaved = useUnsavedChanges(isDirty);

  const clientErrors = attempted ? validate(name, scopes) : {};
  const serverErrors = problemFieldErrors(create.error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...clientErrors };
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  const [focusFirstError, setFocusFirstError] = useState(0);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // After a refused submission, once the errors are on screen: the first field to change.
  useEffect(() => {
    if (focusFirstError > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirstError]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setAttempted(true);
    setNotice(null);
    if (Object.keys(validate(name, scopes)).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    create.mutate({ name: name.trim(), scopes }, { onError: () => setFocusFirstError((count) => count + 1) });
  }

  const registered = create.data;
  return (
    <>
      <form ref={formRef} className="form register-client-form" onSubmit={submit} noValidate>
        {notice && (
          <p ref={noticeRef} tabIndex={-1} role="status" className="notice">
            {notice}
          </p>
        )}
        <FormError
          error={hasClientErrors ? 'invalid' : create.error}
          fieldErrors={hasClientErrors ? { fields: clientErrors, other: [] } : serverErrors}
        />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          autoComplete="off"
          description="Who will pull the data: a funder, a state system, an EHR or a research team."
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <fieldset className={errors.scopes ? 'option-group option-group--invalid' : 'option-group'}>
          <legend className="option-group__legend">What it may read</legend>
          {errors.scopes && (
            <p className="field__error">
              <AlertIcon />
              <span className="visually-hidden">Error:</span> {errors.scopes}
            </p>
          )}
          {SCOPES.map((scope) => (
            <Checkbox
              key={scope.value}
              label={scope.label}
              description={scope.description}
              checked={scopes.includes(scope.value)}
              onChange={(event) =>
                setScopes((current) =>
                  event.target.checked ? [...current, scope.value] : current.filter((item) => item !== scope.value),
                )
              }
            />
          ))}
        </fieldset>
        <div className="form-submit">
          <Button type="submit" isLoading={create.isPending}>
            Register client
          </Button>
        </div>
      </form>
      {registered && (
        <ClientSecretDialog
          client={registered}
          onDone={() => {
            // Forget the secret: it lives only in this one answer.
            create.reset();
            setName('');
            setScopes(DEFAULT_SCOPES);
            setAttempted(false);
            setNotice(
              `${registered.name} is registered. Participants can now consent to share their outcomes with it, using its client ID.`,
            );
          }}
        />
      )}
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
