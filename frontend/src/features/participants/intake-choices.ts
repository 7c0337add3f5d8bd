/** The choices the intake form offers, with the words people read beside the API's codes. */
import type { Schemas } from '@/lib/api-client';

export type Substance = NonNullable<Schemas['ParticipantCreate']['substances']>[number];
export type RecoveryPathway = NonNullable<Schemas['ParticipantCreate']['recovery_pathways']>[number];

export const SUBSTANCES: readonly { value: Substance; label: string }[] = [
  { value: 'alcohol', label: 'Alcohol' },
  { value: 'opioids', label: 'Opioids' },
  { value: 'stimulants', label: 'Stimulants' },
  { value: 'cannabis', label: 'Cannabis' },
  { value: 'sedatives', label: 'Sedatives' },
  { value: 'hallucinogens', label: 'Hallucinogens' },
  { value: 'inhalants', label: 'Inhalants' },
  { value: 'tobacco', label: 'Tobacco' },
  { value: 'other', label: 'Other' },
];

export const RECOVERY_PATHWAYS: readonly { value: RecoveryPathway; label: string }[] = [
  { value: 'moud_buprenorphine', label: 'MOUD – buprenorphine' },
  { value: 'moud_methadone', label: 'MOUD – methadone' },
  { value: 'moud_naltrexone', label: 'MOUD – naltrexone' },
  { value: 'mutual_aid_12_step', label: '12-step mutual aid' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
  { value: 'faith_based', label: 'Faith-based' },
  { value: 'clinical_treatment', label: 'Clinical treatment' },
  { value: 'family_support', label: 'Family support' },
];

/** Languages most often met in US programmes, by BCP 47 tag; anything else via "Other". */
export const LANGUAGES: readonly { value: string; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish (Español)' },
  { value: 'zh', label: 'Chinese (中文)' },
  { value: 'vi', label: 'Vietnamese (Tiếng Việt)' },
  { value: 'tl', label: 'Tagalog' },
  { value: 'ar', label: 'Arabic (العربية)' },
  { value: 'fr', label: 'French (Français)' },
  { value: 'ht', label: 'Haitian Creole (Kreyòl ayisyen)' },
  { value: 'ko', label: 'Korean (한국어)' },
  { value: 'ru', label: 'Russian (Русский)' },
  { value: 'pt', label: 'Portuguese (Português)' },
  { value: 'ase', label: 'American Sign Language' },
];

export const OTHER_LANGUAGE = 'other';

/** The API's pattern for a language tag: "en", "es-MX", "ase". */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
