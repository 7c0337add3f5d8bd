import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

import { useCreateConsent } from '../api/create-consent';
import type { InformationCategory } from '../types';

import { INFORMATION_CATEGORIES } from './consent-labels';

const FIELDS = [
  'recipient_name',
  'information_categories',
  'purpose',
  'expires_at',
  'expiry_event',
  'signature',
  'signed_at',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  recipient_name: string;
  information_categories: InformationCategory[];
  purpose: string;
  /** `YYYY-MM-DD`: the consent ends at the end of that day. */
  expires_on: string;
  expiry_event: string;
  signature: string;
  /** `YYYY-MM-DDTHH:mm`, local time. */
  signed_at: string;
}

function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 16);
}

interface DisclosureConsentFormProps {
  participantId: string;
  participantName?: string | undefined;
  onDone: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * A disclosure consent as 42 CFR Part 2 §2.31 asks: the recipient, the information it covers,
 * the purpose, when it ends (a date or an event), and the signature with its date. The discloser
 * is the organisation.
 */
export function DisclosureConsentForm({ participantId, participantName, onDone, onDirtyChange }: DisclosureConsentFormProps) {
  const create = useCreateConsent(participantId);
  const titleId = useId();
  const [initial] = useState<Values>(() => ({
    recipient_name: '',
    information_categories: [],
    purpose: '',
    expires_on: '',
    expiry_event: '',
    signature: '',
    signed_at: localNow(),
  }));
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = problemFieldErrors(create.error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...missing };
  useReportDirty(
    values.recipient_name !== initial.recipient_name ||
      values.information_categories.length > 0 ||
      values.purpose !== initial.purpose ||
      values.expires_on !== initial.expires_on ||
      values.expiry_event !== initial.expiry_event ||
      values.signature !== initial.signature,
    onDirtyChange,
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!values.recipient_name.trim()) next.recipient_name = 'Name who will receive the information.';
    if (values.information_categories.length === 0) next.information_categories = 'Choose at least one kind of information.';
    if (!values.purpose.trim()) next.purpose = 'Say what the information will be used for.';
    if (!values.expires_on && !values.expiry_event.trim()) {
      next.expires_at = 'Give an end date, an event, or both.';
    }
    if (!values.signature.trim()) next.signature = 'The person signing types their full name.';
    if (!values.signed_at) next.signed_at = 'Enter when it was signed.';
    setMissing(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      {
        kind: 'disclosure',
        recipient_name: values.recipient_name.trim(),
        information_categories: values.information_categories,
        purpose: values.purpose.trim(),
        expires_at: values.expires_on ? new Date(`${values.expires_on}T23:59:59`).toISOString() : null,
        expiry_event: values.expiry_event.trim() || null,
        signature: values.signature.trim(),
        signed_at: new Date(values.signed_at).toISOString(),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="form consent-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>Record a disclosure consent</h3>
      <p className="form__intro">
        {participantName ?? 'The participant'} chooses who may receive which information, and why. It can be
        revoked at any time.
      </p>
      <FormError error={create.error} fieldErrors={serverErrors} />
      <TextField
        label="Recipient"
        name="recipient_name"
        required
        maxLength={200}
        description="The person or organisation that will receive the information."
        value={values.recipient_name}
        onChange={(event) => set('recipient_name', event.target.value)}
        error={errors.recipient_name}
      />
      <fieldset
        className={errors.information_categories ? 'fieldset fieldset--invalid' : 'fieldset'}
        aria-describedby={errors.information_categories ? `${titleId}-categories-error` : undefined}
      >
        <legend className="fieldset__legend">
          Information to share <span className="field__required">(required)</span>
        </legend>
        {errors.information_categories && (
          <p id={`${titleId}-categories-error`} className="field__error">
            <span className="visually-hidden">Error:</span> {errors.information_categories}
          </p>
        )}
        <div className="checkbox-grid">
          {INFORMATION_CATEGORIES.map((category) => (
            <Checkbox
              key={category.value}
              label={category.label}
              name="information_categories"
              value={category.value}
              checked={values.information_categories.includes(category.value)}
              onChange={(event) =>
                set(
                  'information_categories',
                  event.target.checked
                    ? [...values.information_categories, category.value]
                    : values.information_categories.filter((item) => item !== category.value),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label="Purpose"
        name="purpose"
        required
        rows={2}
        maxLength={2000}
        description="What the recipient will use the information for."
        value={values.purpose}
        onChange={(event) => set('purpose', event.target.value)}
        error={errors.purpose}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">When it ends</legend>
        <p className="field__description">Give a date, an event, or both: it ends at whichever comes first.</p>
        <div className="form-grid">
          <TextField
            label="End date"
            name="expires_at"
            type="date"
            value={values.expires_on}
            onChange={(event) => set('expires_on', event.target.value)}
            error={errors.expires_at}
          />
          <TextField
            label="Ending event"
            name="expiry_event"
            maxLength={2000}
            description="For example: when I finish the program."
            value={values.expiry_event}
            onChange={(event) => set('expiry_event', event.target.value)}
            error={errors.expiry_event}
          />
        </div>
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Signature"
          name="signature"
          required
          maxLength={200}
          autoComplete="off"
          description="The person signing types their full name."
          value={values.signature}
          onChange={(event) => set('signature', event.target.value)}
          error={errors.signature}
        />
        <TextField
          label="Signed on"
          name="signed_at"
          type="datetime-local"
          required
          value={values.signed_at}
          onChange={(event) => set('signed_at', event.target.value)}
          error={errors.signed_at}
        />
      </div>
      <div className="button-row">
        <Button type="submit" isLoading={create.isPending}>
          Save consent
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
