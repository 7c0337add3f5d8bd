import type { SafetyPlan } from '../types';

import { SAFETY_PLAN_STEPS } from './crisis-labels';

interface SafetyPlanStepsProps {
  plan: SafetyPlan;
  /** The steps' heading level under the surrounding heading. */
  headingLevel?: 3 | 4 | 5;
  /** What an empty step says. */
  emptyText?: string;
}

/** The six steps of a safety plan, read-only, each under its plain-language title. */
export function SafetyPlanSteps({ plan, headingLevel = 3, emptyText = 'Nothing written yet.' }: SafetyPlanStepsProps) {
  const Heading = (['h3', 'h4', 'h5'] as const)[headingLevel - 3] ?? 'h3';
  return (
    <ol className="safety-plan">
      {SAFETY_PLAN_STEPS.map((step) => {
        const lines = plan[step.key];
        return (
          <li key={step.key} className="safety-plan__step">
            <Heading className="safety-plan__title">
              <span className="safety-plan__number">Step {step.number}:</span> {step.title}
            </Heading>
            {lines.length > 0 ? (
              <ul className="safety-plan__lines">
                {lines.map((line, index) => (
                  <li key={`${index}-${line}`}>{line}</li>
                ))}
              </ul>
            ) : (
              <p className="safety-plan__empty">{emptyText}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
