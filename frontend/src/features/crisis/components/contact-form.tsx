import { useId, useState, type FormEvent, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useReportDirty } from '@/hooks/use-dirty-tracker';
import { problemFieldErrors } from '@/lib/problem';

import type { ContactKind } from '../types';

import { CONTACT_KIND_OPTIONS } from './crisis-labels';

export interface ContactFormValues {
  kind: ContactKind | '';
  name: string;
  phone: string;
}

export const EMPTY_CONTACT: ContactFormValues = { kind: '', name: '', phone: '' };

const FIELDS = ['kind', 'name', 'phone'] as const;
type Field = (typeof FIELDS)[number];

interface ContactFormProps {
  title: string;
  initial: ContactFormValues;
  submitLabel: string;
  isPending: boolean;
  /** The save's error: a 422 lands by its field (a phone number the server refuses), the rest above. */
  error: unknown;
  onSubmit: (values: ContactFormValues & { kind: ContactKind }) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** A line under the title, e.g. who decides whether the person may be contacted. */
  hint?: ReactNode;
  /** Shown at the top, e.g. that someone else changed the contact meanwhile. */
  notice?: ReactNode;
}

/** Adding or changing a crisis contact: who it is, their name and their phone number. */
export function ContactForm({
  title,
  initial,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
  onDirtyChange,
  hint,
  notice,
}: ContactFormProps) {
  const titleId = useId();
  const [values, setValues] = useState(initial);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const serverErrors = problemFieldErrors(error, { knownFields: FIELDS });
  const errors = { ...serverErrors.fields, ...missing };
  const isDirty = values.kind !== initial.kind || values.name !== initial.name || values.phone !== initial.phone;
  useReportDirty(isDirty, onDirtyChange);

  function set<K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    setMissing((previous) => ({ ...previous, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextMissing: Partial<Record<Field, string>> = {};
    if (!values.kind) nextMissing.kind = 'Choose who this person is.';
    if (!values.name.trim()) nextMissing.name = 'Write their name.';
    if (!values.phone.trim()) nextMissing.phone = 'Write their phone number.';
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0 || !values.kind) return;
    onSubmit({ kind: values.kind, name: values.name.trim(), phone: values.phone.trim() });
  }

  return (
    <form className="form contact-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className="contact-form__title">
        {title}
      </h4>
      {hint && <p className="form__intro">{hint}</p>}
      {notice}
      <FormError error={error} fieldErrors={serverErrors} />
      <SelectField
        label="Who they are"
        name="kind"
        required
        placeholder="Choose one"
        options={CONTACT_KIND_OPTIONS}
        value={values.kind}
        onChange={(event) => set('kind', event.target.value as ContactKind | '')}
        error={errors.kind}
      />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={200}
        autoComplete="off"
        description="As the participant calls them, e.g. “Ana (my daughter)”."
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
      />
      <TextField
        label="Phone number"
        name="phone"
        type="tel"
        inputMode="tel"
        required
        maxLength={32}
        autoComplete="off"
        description="A US number such as (503) 555-0101, or a short number such as 988."
        value={values.phone}
        onChange={(event) => set('phone', event.target.value)}
        error={errors.phone}
      />
      <div className="button-row">
        <Button type="submit" isLoading={isPending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
