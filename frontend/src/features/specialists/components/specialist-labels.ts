import type { SpecialistChanges } from '../types';

type Substance = NonNullable<SpecialistChanges['substances']>[number];
type RecoveryPathway = NonNullable<SpecialistChanges['recovery_pathways']>[number];

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
  { value: 'moud_buprenorphine', label: 'Medication: buprenorphine' },
  { value: 'moud_methadone', label: 'Medication: methadone' },
  { value: 'moud_naltrexone', label: 'Medication: naltrexone' },
  { value: 'mutual_aid_12_step', label: 'Twelve-step mutual aid' },
  { value: 'smart_recovery', label: 'SMART Recovery' },
  { value: 'faith_based', label: 'Faith-based' },
  { value: 'clinical_treatment', label: 'Clinical treatment' },
  { value: 'family_support', label: 'Family support' },
];

/**
 * Matching compares a specialist's gender with a participant's preference exactly: these are
 * the words participants choose from.
 */
export const GENDERS: readonly { value: string; label: string }[] = [
  { value: 'woman', label: 'Woman' },
  { value: 'man', label: 'Man' },
  { value: 'non-binary', label: 'Non-binary' },
];

export const FAITHS: readonly { value: 'faith_based' | 'secular'; label: string }[] = [
  { value: 'faith_based', label: 'Faith is part of their recovery' },
  { value: 'secular', label: 'Secular' },
];

/** The decades the API accepts (1920 to 2010), newest first. */
export const BIRTH_DECADES: readonly number[] = Array.from({ length: 10 }, (_, index) => 2010 - index * 10);

export function labelOf(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

export function decadeLabel(decade: number): string {
  return `${decade}s`;
}
