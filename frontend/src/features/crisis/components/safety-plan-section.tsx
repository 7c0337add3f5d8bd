import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { useSafetyPlan } from '../api/get-safety-plan';
import { useSafetyPlanVersion } from '../api/get-safety-plan-version';
import { useSafetyPlanVersions } from '../api/get-safety-plan-versions';
import { useWriteSafetyPlan } from '../api/write-safety-plan';
import type { SafetyPlan, SafetyPlanSteps as Steps, Versioned } from '../types';

import { formatDateTime, writtenBy } from './crisis-labels';
import { SafetyPlanForm, stepsOf } from './safety-plan-form';
import { SafetyPlanSteps } from './safety-plan-steps';

interface SafetyPlanSectionProps {
  participantId: string;
  participantName: string;
  /** Staff who work with the participant (admins read only). */
  canEdit: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** "Version 3, saved 2 Mar 2026 by José Ramírez". */
function versionLine(plan: SafetyPlan, participantName: string): string {
  if (plan.version === 0) return '';
  const by = writtenBy(plan.written_by_role, participantName);
  return `Version ${plan.version}${plan.created_at ? `, saved ${formatDateTime(plan.created_at)}` : ''}${by ? ` by ${by}` : ''}`;
}

/**
 * The participant's Stanley-Brown safety plan for staff (under an h3 on the participant's
 * page): the six steps, an editor that saves a
 * new version (sent with If-Match; 412 when someone saved another version meanwhile), and the
 * earlier versions, read-only.
 */
export function SafetyPlanSection({ participantId, participantName, canEdit, onDirtyChange }: SafetyPlanSectionProps) {
  const plan = useSafetyPlan(participantId);
  // The version read when editing began: its ETag goes with the save.
  const [editing, setEditing] = useState<Versioned<SafetyPlan> | null>(null);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  if (plan.isPending) return <Loading label="Loading the safety plan…" />;
  if (plan.isError) {
    return (
      <div className="stack">
        <FormError error={plan.error} />
        <Button variant="secondary" onClick={() => void plan.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  if (editing) {
    return (
      <EditSafetyPlan
        participantId={participantId}
        participantName={participantName}
        loaded={editing}
        reload={async () => (await plan.refetch()).data}
        onDirtyChange={onDirtyChange}
        onDone={(didSave) => {
          setEditing(null);
          setSaved(didSave);
          requestAnimationFrame(() => editButtonRef.current?.focus());
        }}
      />
    );
  }

  const current = plan.data.value;
  return (
    <div className="safety-plan-section">
      <p role="status" className="safety-plan-section__saved">
        {saved ? `The safety plan is saved as version ${current.version}.` : ''}
      </p>
      {current.version === 0 ? (
        <p className="section-intro">
          No safety plan yet. Write it with {participantName}, in their words: step 5 already lists the 988 Lifeline.
        </p>
      ) : (
        <p className="section-intro">{versionLine(current, participantName)}.</p>
      )}
      <SafetyPlanSteps plan={current} headingLevel={4} />
      {canEdit && (
        <Button
          ref={editButtonRef}
          variant="secondary"
          onClick={() => {
            setSaved(false);
            setEditing(plan.data);
          }}
        >
          {current.version === 0 ? 'Write the safety plan' : 'Edit the safety plan'}
        </Button>
      )}
      {current.version > 1 && (
        <EarlierVersions participantId={participantId} participantName={participantName} currentVersion={current.version} />
      )}
    </div>
  );
}

function EditSafetyPlan({
  participantId,
  participantName,
  loaded,
  reload,
  onDone,
  onDirtyChange,
}: {
  participantId: string;
  participantName: string;
  loaded: Versioned<SafetyPlan>;
  reload: () => Promise<Versioned<SafetyPlan> | undefined>;
  onDone: (saved: boolean) => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}) {
  const write = useWriteSafetyPlan(participantId);
  const [base, setBase] = useState(loaded);
  const [initial] = useState(() => stepsOf(loaded.value));
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const conflict = isProblemError(write.error) && write.error.status === 412;

  async function loadLatest() {
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) {
        setBase(latest);
        setReloaded(true);
        write.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  function submit(steps: Steps) {
    write.mutate({ etag: base.etag, plan: steps }, { onSuccess: () => onDone(true) });
  }

  let notice = null;
  if (conflict) {
    notice = (
      <div role="alert" className="conflict-notice">
        <p className="conflict-notice__message">
          Someone else saved a newer version of this safety plan while you were editing it. Nothing was saved, and what
          you typed is still here.
        </p>
        <p>Load the latest version to see it; then save again to keep your changes on top of it.</p>
        <Button variant="secondary" onClick={() => void loadLatest()} isLoading={reloading}>
          Load the latest version
        </Button>
      </div>
    );
  } else if (reloaded) {
    notice = (
      <div role="status" className="conflict-notice conflict-notice--info">
        <p className="conflict-notice__message">
          The latest version is loaded: {versionLine(base.value, participantName)}.
        </p>
        <details className="safety-plan-form__latest">
          <summary>What the latest version says</summary>
          <SafetyPlanSteps plan={base.value} headingLevel={5} />
        </details>
        <p>Your changes are still in the form: save to make them the next version, or cancel to keep the latest one.</p>
      </div>
    );
  }

  return (
    <div className="safety-plan-section safety-plan-section--editing">
      <SafetyPlanForm
        initial={initial}
        participantName={participantName}
        isPending={write.isPending}
        error={conflict ? null : write.error}
        onSubmit={submit}
        onCancel={() => onDone(false)}
        onDirtyChange={onDirtyChange}
        notice={notice}
      />
    </div>
  );
}

/** The versions before the current one, newest first; each opens read-only. */
function EarlierVersions({
  participantId,
  participantName,
  currentVersion,
}: {
  participantId: string;
  participantName: string;
  currentVersion: number;
}) {
  const versions = useSafetyPlanVersions(participantId);
  const [viewing, setViewing] = useState<number | null>(null);
  const earlier = (versions.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (version) => version.version < currentVersion,
  );

  return (
    <div className="safety-plan-versions">
      <h4 className="safety-plan-versions__title">Earlier versions</h4>
      {versions.isPending && <Loading label="Loading earlier versions…" />}
      {versions.isError && <FormError error={versions.error} />}
      {versions.data && earlier.length === 0 && <p>No earlier versions.</p>}
      {earlier.length > 0 && (
        <ul className="safety-plan-versions__list">
          {earlier.map((version) => (
            <li key={version.version} className="safety-plan-versions__item">
              <span>{versionLine(version, participantName)}</span>
              <Button
                variant="secondary"
                aria-label={`View version ${version.version}`}
                onClick={() => setViewing(version.version)}
              >
                View
              </Button>
            </li>
          ))}
        </ul>
      )}
      {versions.hasNextPage && (
        <Button variant="secondary" isLoading={versions.isFetchingNextPage} onClick={() => void versions.fetchNextPage()}>
          Show older versions
        </Button>
      )}
      {viewing !== null && (
        <VersionDialog
          participantId={participantId}
          participantName={participantName}
          version={viewing}
          onClose={() => setViewing(null)}
        />
      )}
    </div>
  );
}

function VersionDialog({
  participantId,
  participantName,
  version,
  onClose,
}: {
  participantId: string;
  participantName: string;
  version: number;
  onClose: () => void;
}) {
  const plan = useSafetyPlanVersion(participantId, version);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Safety plan, version ${version}`}
      description={plan.data ? `${versionLine(plan.data, participantName)}. Read only.` : undefined}
      className="dialog--wide"
    >
      {plan.isPending && <Loading label="Loading this version…" />}
      {plan.isError && <FormError error={plan.error} />}
      {plan.data && <SafetyPlanSteps plan={plan.data} />}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
