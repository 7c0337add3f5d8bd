import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useMatchingPreferences } from '../api/get-matching-preferences';
import type { MatchingPreferences } from '../types';

import { CRITERION_LABELS, FAITH_PREFERENCES, GENDER_PREFERENCES } from './match-labels';

function labelOf(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** The stated preferences as short phrases, or an empty list when none are stated. */
export function describePreferences(preferences: MatchingPreferences): { term: string; value: string }[] {
  const rows: { term: string; value: string }[] = [];
  if (preferences.gender_preference) {
    rows.push({ term: 'Peer’s gender', value: labelOf(GENDER_PREFERENCES, preferences.gender_preference) });
  }
  if (preferences.languages.length > 0) rows.push({ term: 'Other languages', value: preferences.languages.join(', ') });
  if (preferences.faith_preference) {
    rows.push({ term: 'Faith', value: labelOf(FAITH_PREFERENCES, preferences.faith_preference) });
  }
  const about = [
    preferences.veteran && 'a veteran',
    preferences.justice_involved && 'justice-involved',
    preferences.wants_lgbtq_affirming && 'wants an LGBTQ+ affirming peer',
  ].filter(Boolean);
  if (about.length > 0) rows.push({ term: 'About them', value: about.join(', ') });
  if (preferences.region) rows.push({ term: 'Area', value: preferences.region });
  if (preferences.priorities.length > 0) {
    rows.push({ term: 'Matters most', value: preferences.priorities.map((item) => CRITERION_LABELS[item]).join(', ') });
  }
  return rows;
}

/** What the participant asked for in a peer, for the staff who propose one (read-only). */
export function PreferencesSummary({ participantId }: { participantId: string }) {
  const preferences = useMatchingPreferences(participantId);
  if (preferences.isPending) return <Loading label="Loading matching preferences…" />;
  if (preferences.isError) return <FormError error={preferences.error} />;
  const rows = describePreferences(preferences.data.value);
  if (rows.length === 0) return <p>No preferences stated: any specialist who shares a language may be suggested.</p>;
  return (
    <dl className="details details--compact">
      {rows.map((row) => (
        <div key={row.term} className="details__row">
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
