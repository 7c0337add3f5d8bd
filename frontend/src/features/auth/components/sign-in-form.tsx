import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useSignIn } from '@/features/auth/api/sign-in';
import type { CurrentUser } from '@/lib/auth/current-user';
import { problemFieldErrors } from '@/lib/problem';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface SignInFormProps {
  onSignedIn: (user: CurrentUser) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  // The API calls the email `username` (OAuth2); the form calls it email.
  const serverErrors = problemFieldErrors(signIn.error, {
    knownFields: FIELDS,
    rename: { username: 'email' },
  });
  const errors = { ...serverErrors.fields, ...missing };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextMissing: Partial<Record<Field, string>> = {};
    if (!email.trim()) nextMissing.email = 'Enter your email address.';
    if (!password) nextMissing.password = 'Enter your password.';
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0) return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  return (
    <form className="form sign-in-form" onSubmit={onSubmit} noValidate aria-describedby="sign-in-help">
      <p id="sign-in-help" className="form__intro">
        Use the email address and password your organisation gave you.
      </p>
      <FormError error={signIn.error} fieldErrors={serverErrors} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <Button type="submit" isLoading={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
