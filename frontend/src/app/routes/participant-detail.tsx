import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/spinner';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { AssessmentsSection } from '@/features/assessments/components/assessments-section';
import { CheckInForm } from '@/features/check-ins/components/check-in-form';
import { CheckInTrend } from '@/features/check-ins/components/check-in-trend';
import { RecentCheckIns } from '@/features/check-ins/components/recent-check-ins';
import { ConsentsSection } from '@/features/consents/components/consents-section';
import { CrisisContactsSection } from '@/features/crisis/components/crisis-contacts-section';
import { SafetyPlanSection } from '@/features/crisis/components/safety-plan-section';
import { EncountersSection } from '@/features/encounters/components/encounters-section';
import { PeerMatchSection } from '@/features/matching/components/peer-match-section';
import { OutcomeSurveysSection } from '@/features/outcomes/components/outcome-surveys-section';
import { participantQueryKey, useParticipant } from '@/features/participant-profile/api/get-participant';
import { ParticipantSummary } from '@/features/participant-profile/components/participant-summary';
import { ProfileSection } from '@/features/participant-profile/components/profile-section';
import { PlanBoard } from '@/features/plans/components/plan-board';
import { useDirtyTracker } from '@/hooks/use-dirty-tracker';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import { useCurrentUser } from '@/lib/auth/current-user';
import { isProblemError } from '@/lib/problem';

/** The page's sections, in order; the in-page navigation lists them. */
const SECTIONS = [
  { id: 'profile', title: 'Profile' },
  { id: 'peer-match', title: 'Peer match' },
  { id: 'crisis-plan', title: 'Crisis plan' },
  { id: 'consents', title: 'Consents' },
  { id: 'recovery-plan', title: 'Recovery plan' },
  { id: 'check-ins', title: 'Check-ins' },
  { id: 'encounters', title: 'Encounters' },
  { id: 'assessments', title: 'Assessments' },
  { id: 'outcome-surveys', title: 'Outcome surveys' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

function headingId(section: SectionId): string {
  return `${section}-heading`;
}

/** Scrolls to a section and moves focus to its heading, so keyboards and screen readers follow. */
function goToSection(section: string) {
  const heading = document.getElementById(`${section}-heading`);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

function PageSection({ id, title, children }: { id: SectionId; title: string; children: ReactNode }) {
  return (
    <section id={id} className="page-section" aria-labelledby={headingId(id)}>
      <h2 id={headingId(id)} className="page-section__title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function SectionNav() {
  function onClick(event: MouseEvent<HTMLAnchorElement>, section: string) {
    event.preventDefault();
    goToSection(section);
  }
  return (
    <nav className="section-nav" aria-label="On this page">
      <ul className="section-nav__list">
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a className="section-nav__link" href={`#${section.id}`} onClick={(event) => onClick(event, section.id)}>
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The one navigation blocker of the page (a router honours only the last one registered): it
 * asks before leaving while any form on the page has unsaved changes.
 */
function UnsavedChangesGuard({ isDirty }: { isDirty: boolean }) {
  const unsaved = useUnsavedChanges(isDirty);
  return <UnsavedChangesDialog state={unsaved} />;
}

/** A participant's record for the staff who work with them: /participants/:participantId. */
export default function ParticipantDetailRoute() {
  const { participantId = '' } = useParams();
  const participant = useParticipant(participantId);
  const { data: user } = useCurrentUser();
  const queryClient = useQueryClient();
  const location = useLocation();
  const dirty = useDirtyTracker();
  const [checkInOpen, setCheckInOpen] = useState(false);
  const [confirmCloseCheckIn, setConfirmCloseCheckIn] = useState(false);
  const checkInDirty = useRef(false);
  const loaded = participant.isSuccess;

  // A link to a section (/participants/:id#encounters) lands on it once the page is there.
  useEffect(() => {
    if (loaded && location.hash) goToSection(location.hash.slice(1));
  }, [loaded, location.hash]);

  if (participant.isPending) return <Loading label="Loading the participant’s record…" />;
  if (participant.isError) {
    const notFound = isProblemError(participant.error) && participant.error.status === 404;
    return (
      <>
        <PageHeader title={notFound ? 'Participant not found' : 'Something went wrong'} />
        {notFound ? (
          <EmptyState title="We couldn't find this record" action={<Link to="/">Go to your start page</Link>}>
            <p>It may not exist, or it is not shared with your account.</p>
          </EmptyState>
        ) : (
          <div className="stack">
            <FormError error={participant.error} />
            <Button variant="secondary" onClick={() => void participant.refetch()}>
              Try again
            </Button>
          </div>
        )}
      </>
    );
  }

  const record = participant.data.value;
  const name = record.preferred_name;
  // Admins read care records; only the staff who work with the participant change them.
  const canWrite = user?.role === 'specialist' || user?.role === 'supervisor';

  const trackCheckIn = dirty.track('check-in');
  function closeCheckIn() {
    checkInDirty.current = false;
    trackCheckIn(false);
    setConfirmCloseCheckIn(false);
    setCheckInOpen(false);
  }

  return (
    <div className="participant-page">
      <PageHeader title={name} />
      <ParticipantSummary participant={record} />
      <SectionNav />

      <PageSection id="profile" title="Profile">
        <ProfileSection participantId={participantId} canEdit={canWrite} onDirtyChange={dirty.track('profile')} />
      </PageSection>

      <PageSection id="peer-match" title="Peer match">
        <PeerMatchSection participantId={participantId} participantName={name} canMatch={canWrite} />
      </PageSection>

      <PageSection id="crisis-plan" title="Crisis plan">
        <section className="page-part" aria-labelledby="crisis-contacts-heading">
          <h3 id="crisis-contacts-heading">Crisis contacts</h3>
          <CrisisContactsSection
            participantId={participantId}
            participantName={name}
            canEdit={canWrite}
            onDirtyChange={dirty.track('crisis-contacts')}
          />
        </section>
        <section className="page-part" aria-labelledby="safety-plan-heading">
          <h3 id="safety-plan-heading">Safety plan</h3>
          <SafetyPlanSection
            participantId={participantId}
            participantName={name}
            canEdit={canWrite}
            onDirtyChange={dirty.track('safety-plan')}
          />
        </section>
      </PageSection>

      <PageSection id="consents" title="Consents">
        <ConsentsSection
          participantId={participantId}
          participantName={name}
          canEdit={canWrite}
          onDirtyChange={dirty.track('consent')}
          // Revoking the enrolment consent withdraws the participant: show the new status.
          onRevoked={() => void queryClient.invalidateQueries({ queryKey: participantQueryKey(participantId) })}
        />
      </PageSection>

      <PageSection id="recovery-plan" title="Recovery plan">
        <PlanBoard
          participantId={participantId}
          mode="staff"
          participantName={name}
          readOnly={!canWrite}
          onDirtyChange={dirty.track('plan')}
        />
      </PageSection>

      <PageSection id="check-ins" title="Check-ins">
        <CheckInTrend participantId={participantId} />
        <RecentCheckIns participantId={participantId} pageSize={5} />
        {canWrite &&
          (checkInOpen ? (
            // The form reports unsaved answers to the page's single navigation guard.
            <div className="check-in-on-behalf">
              <h3>Record a check-in with {name}</h3>
              <CheckInForm
                participantId={participantId}
                onDirtyChange={(isDirty) => {
                  checkInDirty.current = isDirty;
                  trackCheckIn(isDirty);
                }}
                onSaved={() => {
                  checkInDirty.current = false;
                  trackCheckIn(false);
                  void queryClient.invalidateQueries({ queryKey: participantQueryKey(participantId) });
                }}
              />
              <Button
                variant="quiet"
                onClick={() => (checkInDirty.current ? setConfirmCloseCheckIn(true) : closeCheckIn())}
              >
                Close the check-in form
              </Button>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setCheckInOpen(true)}>
              Record a check-in
            </Button>
          ))}
        <Dialog
          open={confirmCloseCheckIn}
          onClose={() => setConfirmCloseCheckIn(false)}
          title="Discard this check-in?"
          description="The answers you gave are not saved yet. If you close the form, they will be lost."
        >
          <DialogActions>
            <Button onClick={() => setConfirmCloseCheckIn(false)}>Keep the check-in</Button>
            <Button variant="danger" onClick={closeCheckIn}>
              Discard and close
            </Button>
          </DialogActions>
        </Dialog>
      </PageSection>

      <PageSection id="encounters" title="Encounters">
        <EncountersSection participantId={participantId} canLog={canWrite} onDirtyChange={dirty.track('encounter')} />
      </PageSection>

      <PageSection id="assessments" title="Assessments">
        <AssessmentsSection
          participantId={participantId}
          canAdminister={canWrite}
          onDirtyChange={dirty.track('assessment')}
        />
      </PageSection>

      <PageSection id="outcome-surveys" title="Outcome surveys">
        <OutcomeSurveysSection
          participantId={participantId}
          participantName={name}
          participantActive={record.status === 'active'}
          canRecord={canWrite}
          onDirtyChange={dirty.track('outcome-survey')}
        />
      </PageSection>

      {/* Rendered last, and again whenever the check-in form mounts (it holds a blocker of its
          own), so this page-wide guard is the blocker the router consults. */}
      <UnsavedChangesGuard key={checkInOpen ? 'with-check-in-form' : 'page'} isDirty={dirty.isDirty} />
    </div>
  );
}
