/**
 * The intake form's values, the checks made before sending (so people learn what to change
 * without a round trip), and the request body built from them. The server checks again.
 */
import type { ParticipantCreate } from './api/create-participant';
import { parseDateTimeLocal, toDateTimeLocalValue, toDateValue, toIsoWithOffset } from './consent-time';
import { LANGUAGE_TAG, OTHER_LANGUAGE, type RecoveryPathway, type Substance } from './intake-choices';

export interface IntakeValues {
  preferred_name: string;
  legal_name: string;
  pronouns: string;
  email: string;
  phone: string;
  /** A tag from the list, or OTHER_LANGUAGE with the tag in `other_language`. */
  language: string;
  other_language: string;
  gender_identity: string;
  birth_year: string;
  substances: Substance[];
  recovery_pathways: RecoveryPathway[];
  recovery_start_date: string;
  strengths: string[];
  signed_at: string;
  signature: string;
}

export function initialIntakeValues(now: Date = new Date()): IntakeValues {
  return {
    preferred_name: '',
    legal_name: '',
    pronouns: '',
    email: '',
    phone: '',
    language: 'en',
    other_language: '',
    gender_identity: '',
    birth_year: '',
    substances: [],
    recovery_pathways: [],
    recovery_start_date: '',
    strengths: [''],
    signed_at: toDateTimeLocalValue(now),
    signature: '',
  };
}

/** Form field names are the API's (`enrolment_consent.signature`), so 422s land on them. */
export type IntakeErrors = Record<string, string>;

export const MIN_BIRTH_YEAR = 1900;
/** The API refuses birth years less than ten years ago. */
export function maxBirthYear(now: Date = new Date()): number {
  return now.getFullYear() - 10;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const PHONE_SHAPE = /^\+?[0-9 ().-]{3,40}$/;
// A signature time a few seconds ahead of this device's clock is not "in the future".
const CLOCK_SLACK_MS = 60_000;

export function primaryLanguageOf(values: IntakeValues): string {
  return values.language === OTHER_LANGUAGE ? values.other_language.trim() : values.language;
}

export function validateIntake(values: IntakeValues, now: Date = new Date()): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!values.preferred_name.trim()) {
    errors.preferred_name = 'Enter the name they would like to be called.';
  }
  const email = values.email.trim();
  if (email && !EMAIL_SHAPE.test(email)) {
    errors.email = 'Enter an email address in the form name@example.org, or leave it empty.';
  }
  const phone = values.phone.trim();
  if (phone && !PHONE_SHAPE.test(phone)) {
    errors.phone = 'Use digits, spaces and + ( ) - . only, or leave it empty.';
  }
  if (values.language === OTHER_LANGUAGE && !LANGUAGE_TAG.test(values.other_language.trim())) {
    errors.primary_language = 'Enter a language tag such as so (Somali) or pt-BR (Brazilian Portuguese).';
  }
  const birthYear = values.birth_year.trim();
  if (birthYear) {
    const year = Number(birthYear);
    const latest = maxBirthYear(now);
    if (!/^\d{4}$/.test(birthYear) || year < MIN_BIRTH_YEAR || year > latest) {
      errors.birth_year = `Enter a year between ${MIN_BIRTH_YEAR} and ${latest}, or leave it empty.`;
    }
  }
  if (values.recovery_start_date && values.recovery_start_date > toDateValue(now)) {
    errors.recovery_start_date = 'The recovery start date cannot be in the future.';
  }
  values.strengths.forEach((strength, index) => {
    if (strength.trim().length > 200) errors[`strengths.${index}`] = 'Keep each strength to 200 characters.';
  });
  const signedAt = parseDateTimeLocal(values.signed_at);
  if (!signedAt) {
    errors['enrolment_consent.signed_at'] = 'Enter the date and time the consent was signed.';
  } else if (signedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    errors['enrolment_consent.signed_at'] = 'The consent cannot be signed in the future.';
  }
  if (!values.signature.trim()) {
    errors['enrolment_consent.signature'] = 'The participant signs by typing their full name.';
  }
  return errors;
}

/** The strengths worth sending: trimmed, empty boxes left out. */
export function compactStrengths(strengths: readonly string[]): string[] {
  return strengths.map((strength) => strength.trim()).filter(Boolean);
}

/** The `POST /participants` body: empty optional answers are left out. */
export function toParticipantCreate(values: IntakeValues): ParticipantCreate {
  const optional = (value: string) => value.trim() || undefined;
  const signedAt = parseDateTimeLocal(values.signed_at);
  const body: ParticipantCreate = {
    preferred_name: values.preferred_name.trim(),
    legal_name: optional(values.legal_name),
    pronouns: optional(values.pronouns),
    email: optional(values.email),
    phone: optional(values.phone),
    primary_language: primaryLanguageOf(values),
    gender_identity: optional(values.gender_identity),
    birth_year: values.birth_year.trim() ? Number(values.birth_year.trim()) : undefined,
    substances: values.substances,
    recovery_pathways: values.recovery_pathways,
    recovery_start_date: values.recovery_start_date || undefined,
    strengths: compactStrengths(values.strengths),
    enrolment_consent: {
      signed_at: signedAt ? toIsoWithOffset(signedAt) : values.signed_at,
      signature: values.signature.trim(),
    },
  };
  // JSON drops undefined; removing them keeps the body exactly what was answered.
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as ParticipantCreate;
}

/** Every field name the form shows, for `problemFieldErrors`. */
export const INTAKE_FIELDS: readonly string[] = [
  'preferred_name',
  'legal_name',
  'pronouns',
  'email',
  'phone',
  'primary_language',
  'gender_identity',
  'birth_year',
  'substances',
  'recovery_pathways',
  'recovery_start_date',
  'strengths',
  ...Array.from({ length: 30 }, (_, index) => `strengths.${index}`),
  'enrolment_consent',
  'enrolment_consent.signed_at',
  'enrolment_consent.signature',
];

/** Issues about one item of a choice list belong to the list's group. */
export const INTAKE_RENAMES: Record<string, string> = Object.fromEntries([
  ...Array.from({ length: 9 }, (_, index) => [`substances.${index}`, 'substances']),
  ...Array.from({ length: 8 }, (_, index) => [`recovery_pathways.${index}`, 'recovery_pathways']),
]);
