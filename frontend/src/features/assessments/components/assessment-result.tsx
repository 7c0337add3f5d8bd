import { CrisisLine } from '@/components/crisis-help';

import type { Assessment } from '../types';

import { RiskLabel } from './risk-label';

const THRESHOLD = 47;

/** What a saved assessment found, in plain and calm words. */
export function AssessmentResult({ assessment }: { assessment: Assessment }) {
  if (assessment.instrument === 'barc10') {
    return (
      <div role="status" className="assessment-result">
        <p className="assessment-result__headline">
          BARC-10 saved. Total: {assessment.total} of 60.
        </p>
        <p>
          {assessment.meets_threshold
            ? `That is ${THRESHOLD} or more: strong recovery capital.`
            : `That is under ${THRESHOLD}. Recovery capital grows over time; the items with lower answers can point to goals to work on together.`}
        </p>
      </div>
    );
  }

  const risk = assessment.risk ?? 'low';
  if (risk === 'high') {
    return (
      <div role="alert" className="assessment-result assessment-result--high">
        <p className="assessment-result__headline">
          Screen saved. Result: <RiskLabel risk="high" />
        </p>
        <p className="assessment-result__action">Stay with the person and follow your crisis protocol.</p>
        <p>Let your supervisor know now. The 988 Suicide &amp; Crisis Lifeline can help, by phone or text, right away:</p>
        <CrisisLine />
      </div>
    );
  }
  return (
    <div role="status" className="assessment-result">
      <p className="assessment-result__headline">
        Screen saved. Result: <RiskLabel risk={risk} />
      </p>
      <p>
        {risk === 'moderate'
          ? 'Talk together about safety today: go over their safety plan (or make one), agree when you will next be in touch, and tell your supervisor.'
          : 'Thank them for answering. Keep checking in as usual, and ask again whenever things change.'}
      </p>
    </div>
  );
}
