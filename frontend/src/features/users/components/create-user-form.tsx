import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';

import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { isProblemError, problemFieldErrors, type ProblemFieldErrors } from '@/lib/problem';

import { useCreateUser, type UserCreate } from '../api/create-user';
import type { UserRole } from '../api/get-users';

import { ParticipantPicker, type ParticipantChoice } from './participant-picker';
import { ROLE_CHOICES, roleLabel } from './role-labels';

export const MIN_PASSWORD_LENGTH = 12;
const FIELDS = ['email', 'password', 'role', 'display_name', 'participant_id'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  email: string;
  password: string;
  role: UserRole | '';
  display_name: string;
  participant: ParticipantChoice | null;
}

const EMPTY: Values = { email: '', password: '', role: '', display_name: '', participant: null };
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

function validate(values: Values): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter the email address they will sign in with.';
  else if (!EMAIL_SHAPE.test(email)) errors.email = 'Enter an email address in the form name@example.org.';
  if (values.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (values.password.length > 128) {
    errors.password = 'Use at most 128 characters.';
  }
  if (!values.role) errors.role = 'Choose a role.';
  if (!values.display_name.trim()) errors.display_name = 'Enter the name to show for this account.';
  if (values.role === 'participant' && !values.participant) {
    errors.participant_id = 'Choose the participant this account is for.';
  }
  return errors;
}

/**
 * The server's reasons by field: 422 details by `loc`, and the 409s ("already exists") on
 * the field they are about, so the person sees what to change where to change it.
 */
function serverErrorsOf(error: unknown): ProblemFieldErrors {
  const mapped = problemFieldErrors(error, { knownFields: FIELDS });
  if (isProblemError(error) && error.status === 409) {
    if (/email/i.test(error.detail)) mapped.fields.email = error.detail;
    else if (/participant/i.test(error.detail)) mapped.fields.participant_id = error.detail;
  }
  return mapped;
}

/** Creates a staff or participant account. */
export function CreateUserForm() {
  const create = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [isDirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [editedSinceSend, setEditedSinceSend] = useState<ReadonlySet<Field>>(() => new Set());
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const unsaved = useUnsavedChanges(isDirty);

  const clientErrors = useMemo(() => (attempted ? validate(values) : {}), [attempted, values]);
  const serverErrors = serverErrorsOf(create.error);
  const errorFor = (field: Field) =>
    clientErrors[field] ?? (editedSinceSend.has(field) ? undefined : serverErrors.fields[field]);
  const shown = Object.fromEntries(
    FIELDS.map((field) => [field, errorFor(field)] as const).filter(
      (entry): entry is readonly [Field, string] => entry[1] !== undefined,
    ),
  );
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  useEffect(() => {
    if (focusFirstError > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .option-group--invalid input, button[type="submit"]')?.focus();
  }, [focusFirstError]);

  function change(field: Field, next: Partial<Values>) {
    setValues((current) => ({ ...current, ...next }));
    setDirty(true);
    setCreated(null);
    setEditedSinceSend((current) => (current.has(field) ? current : new Set(current).add(field)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setAttempted(true);
    if (Object.keys(validate(values)).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    const body: UserCreate = {
      email: values.email.trim(),
      password: values.password,
      role: values.role as UserRole,
      display_name: values.display_name.trim(),
      ...(values.role === 'participant' && values.participant ? { participant_id: values.participant.id } : {}),
    };
    setEditedSinceSend(new Set());
    create.mutate(body, {
      onSuccess: (user) => {
        setValues(EMPTY);
        setDirty(false);
        setAttempted(false);
        setCreated(`${user.display_name}’s ${roleLabel(user.role).toLowerCase()} account is ready. Share the password with them in person or another private way.`);
        create.reset();
      },
      onError: () => setFocusFirstError((count) => count + 1),
    });
  }

  return (
    <>
      <form ref={formRef} className="form create-user-form" onSubmit={onSubmit} noValidate>
        {created && (
          <p role="status" className="notice">
            {created}
          </p>
        )}
        <FormError
          error={hasClientErrors ? (create.error ?? 'invalid') : create.error}
          fieldErrors={{ fields: shown, other: hasClientErrors ? [] : serverErrors.other }}
        />
        <div className="fields-2up">
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            required
            description="They sign in with it."
            value={values.email}
            onChange={(event) => change('email', { email: event.target.value })}
            error={errorFor('email')}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            maxLength={128}
            description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
            value={values.password}
            onChange={(event) => change('password', { password: event.target.value })}
            error={errorFor('password')}
          />
          <SelectField
            label="Role"
            name="role"
            required
            placeholder="Choose a role"
            options={ROLE_CHOICES}
            value={values.role}
            onChange={(event) =>
              change('role', {
                role: event.target.value as UserRole | '',
                ...(event.target.value !== 'participant' && { participant: null }),
              })
            }
            error={errorFor('role')}
          />
          <TextField
            label="Display name"
            name="display_name"
            autoComplete="off"
            required
            maxLength={200}
            description="The name others see in the app."
            value={values.display_name}
            onChange={(event) => change('display_name', { display_name: event.target.value })}
            error={errorFor('display_name')}
          />
        </div>
        {values.role === 'participant' && (
          <ParticipantPicker
            value={values.participant}
            error={errorFor('participant_id')}
            onChange={(participant) =>
              change('participant_id', {
                participant,
                // Fill in what the record already knows, never over what was typed.
                ...(!values.display_name.trim() && { display_name: participant.preferred_name }),
                ...(!values.email.trim() && participant.email && { email: participant.email }),
              })
            }
          />
        )}
        <div className="form-submit">
          <Button type="submit" isLoading={create.isPending}>
            Create account
          </Button>
        </div>
      </form>
      <UnsavedChangesDialog state={unsaved} />
    </>
  );
}
