import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useAssessments } from '../api/get-assessments';
import type { Assessment } from '../types';

import { formatDateTime, INSTRUMENT_NAMES } from './assessment-labels';
import { RiskLabel } from './risk-label';

function Result({ assessment }: { assessment: Assessment }) {
  if (assessment.instrument === 'barc10') {
    return (
      <>
        Total {assessment.total} of 60
        {assessment.meets_threshold ? ' · 47 or more' : ' · under 47'}
      </>
    );
  }
  return assessment.risk ? <RiskLabel risk={assessment.risk} /> : <>Not scored</>;
}

/** Every assessment of the participant, newest first. */
export function AssessmentHistory({ participantId }: { participantId: string }) {
  const history = useAssessments(participantId);
  if (history.isPending) return <Loading label="Loading assessments…" />;
  if (history.isError) return <FormError error={history.error} />;
  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p>No assessments yet.</p>;
  return (
    <>
      <ul className="assessment-history">
        {items.map((assessment) => (
          <li key={assessment.id} className="assessment-history__item">
            <span className="assessment-history__name">{INSTRUMENT_NAMES[assessment.instrument]}</span>
            <span className="assessment-history__date">{formatDateTime(assessment.administered_at)}</span>
            <span className="assessment-history__result">
              <Result assessment={assessment} />
            </span>
          </li>
        ))}
      </ul>
      {history.hasNextPage && (
        <Button variant="secondary" isLoading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          Show earlier assessments
        </Button>
      )}
    </>
  );
}
