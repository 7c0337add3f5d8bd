import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';

import { useAssessmentInstruments } from '../api/get-assessment-instruments';
import type { Assessment } from '../types';

import { AssessmentHistory } from './assessment-history';
import { AssessmentResult } from './assessment-result';
import { Barc10Form } from './barc10-form';
import { Barc10Trend } from './barc10-trend';
import { CssrsForm } from './cssrs-form';

type Instrument = 'barc10' | 'cssrs_screen';

interface AssessmentsSectionProps {
  participantId: string;
  /** Staff working with the participant administer assessments (admins read them only). */
  canAdminister: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** BARC-10 over time, taking a BARC-10 or a C-SSRS screen with the participant, and the history. */
export function AssessmentsSection({ participantId, canAdminister, onDirtyChange }: AssessmentsSectionProps) {
  const [taking, setTaking] = useState<Instrument | null>(null);
  const [result, setResult] = useState<Assessment | null>(null);
  const startRef = useRef<HTMLDivElement>(null);

  function close() {
    setTaking(null);
    requestAnimationFrame(() => startRef.current?.querySelector('button')?.focus());
  }

  return (
    <div className="assessments">
      <h3>Recovery capital over time (BARC-10)</h3>
      <Barc10Trend participantId={participantId} />

      {canAdminister && (
        <>
          <h3>Take an assessment</h3>
          {result && !taking && <AssessmentResult assessment={result} />}
          {taking ? (
            <InstrumentForm
              instrument={taking}
              participantId={participantId}
              onDirtyChange={onDirtyChange}
              onCancel={close}
              onSaved={(assessment) => {
                setResult(assessment);
                close();
              }}
            />
          ) : (
            <div ref={startRef} className="button-row">
              <Button
                variant="secondary"
                onClick={() => {
                  setResult(null);
                  setTaking('barc10');
                }}
              >
                Take a BARC-10
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setResult(null);
                  setTaking('cssrs_screen');
                }}
              >
                Take a C-SSRS screen
              </Button>
            </div>
          )}
        </>
      )}

      <h3>History</h3>
      <AssessmentHistory participantId={participantId} />
    </div>
  );
}

interface InstrumentFormProps {
  instrument: Instrument;
  participantId: string;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

function InstrumentForm({ instrument, ...props }: InstrumentFormProps) {
  const instruments = useAssessmentInstruments();
  if (instruments.isPending) return <Loading label="Loading the questions…" />;
  if (instruments.isError) {
    return (
      <div className="stack">
        <FormError error={instruments.error} />
        <Button variant="secondary" onClick={props.onCancel}>
          Close
        </Button>
      </div>
    );
  }
  return instrument === 'barc10' ? (
    <Barc10Form definition={instruments.data.barc10} {...props} />
  ) : (
    <CssrsForm definition={instruments.data.cssrs_screen} {...props} />
  );
}
