export const SUBSTANCES = [
  { value: 'alcohol', label: 'Alcohol' },
  { value: 'opioids', label: 'Opioids' },
  { value: 'stimulants', label: 'Stimulants' },
  { value: 'cannabis', label: 'Cannabis' },
  { value: 'sedatives', label: 'Sedatives' },
  { value: 'hallucinogens', label: 'Hallucinogens' },
  { value: 'inhalants', label: 'Inhalants' },
  { value: 'tobacco', label: 'Tobacco' },
  { value: 'other', label: 'Other' },
] as const;

export const RECOVERY_PATHWAYS = [
  { value: 'moud_buprenorphine', label: 'Medication: buprenorphine' },
  { value: 'moud_methadone', label: 'Medication: methadone' },
  { value: 'moud_naltrexone', label: 'Medication: naltrexone' },
  { value: 'mutual_aid_12_step', label: 'Twelve-step mutual aid' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
  { value: 'faith_based', label: 'Faith-based' },
  { value: 'clinical_treatment', label: 'Clinical treatment' },
  { value: 'family_support', label: 'Family support' },
] as const;

export type Substance = (typeof SUBSTANCES)[number]['value'];
export type RecoveryPathway = (typeof RECOVERY_PATHWAYS)[number]['value'];

export function labelOf(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar date (`2026-05-01`) in the reader's locale, with no time-zone shift. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return DATE_FORMAT.format(new Date(year, month - 1, day));
}

export function formatInstantDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}

export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
