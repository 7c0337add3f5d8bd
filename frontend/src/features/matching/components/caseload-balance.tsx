import { useId } from 'react';
import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { AlertIcon } from '@/components/ui/icons';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { useCaseloadBalance } from '../api/get-caseload-balance';
import type { SpecialistBalance, WaitingParticipant } from '../types';

import { days, formatInstantDate } from './match-labels';

function places(count: number): string {
  return count === 1 ? '1 place' : `${count} places`;
}

function share(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0;
}

/**
 * A caseload as a bar: active matches filled, open proposals hatched after them, against the
 * capacity. The bar repeats the numbers written beside it, so it is hidden from screen readers;
 * SVG attributes (not inline styles) size it, as the Content-Security-Policy requires.
 */
function CapacityBar({ specialist }: { specialist: SpecialistBalance }) {
  const active = share(specialist.active, specialist.max_caseload);
  const proposed = Math.min(100 - active, share(specialist.proposed, specialist.max_caseload));
  const hatch = `capacity-hatch-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <svg className="capacity-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={hatch} width="3" height="10" patternUnits="userSpaceOnUse" patternTransform="skewX(-30)">
          <rect className="capacity-bar__hatch-ground" x="0" y="0" width="3" height="10" />
          <rect className="capacity-bar__hatch-line" x="0" y="0" width="1.2" height="10" />
        </pattern>
      </defs>
      <rect className="capacity-bar__track" x="0" y="0" width="100" height="10" />
      <rect className="capacity-bar__active" x="0" y="0" width={active} height="10" />
      {proposed > 0 && <rect x={active} y="0" width={proposed} height="10" fill={`url(#${hatch})`} />}
    </svg>
  );
}

function SpecialistsTable({ specialists }: { specialists: readonly SpecialistBalance[] }) {
  if (specialists.length === 0) {
    return (
      <EmptyState title="No specialists yet" headingLevel={3}>
        <p>Specialist accounts appear here with their caseloads.</p>
      </EmptyState>
    );
  }
  return (
    <div className="record-table-wrap">
      <table className="record-table record-table--cards balance-table" aria-label="Caseload by specialist">
        <thead>
          <tr>
            <th scope="col">Specialist</th>
            <th scope="col">Active</th>
            <th scope="col">Proposed</th>
            <th scope="col">Capacity</th>
            <th scope="col">Caseload</th>
          </tr>
        </thead>
        <tbody>
          {specialists.map((specialist) => {
            const over = specialist.proposed > specialist.spare;
            return (
              <tr key={specialist.specialist_id}>
                <th scope="row" className="record-table__name">
                  {specialist.display_name}
                  {!specialist.accepting_new && <span className="record-table__sub">Not taking new participants</span>}
                </th>
                <td data-label="Active">{specialist.active}</td>
                <td data-label="Proposed">{specialist.proposed}</td>
                <td data-label="Capacity">{specialist.max_caseload}</td>
                <td data-label="Caseload" className="balance-table__meter">
                  <CapacityBar specialist={specialist} />
                  <span className="balance-table__summary">
                    {specialist.active} of {specialist.max_caseload} taken, {places(specialist.spare)} spare
                    {over && (
                      <span className="balance-table__warning">
                        <AlertIcon /> More proposals than spare places
                      </span>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function WaitingTable({ waiting }: { waiting: readonly WaitingParticipant[] }) {
  if (waiting.length === 0) {
    return (
      <EmptyState title="No one is waiting" headingLevel={3}>
        <p>Every active participant has a peer specialist.</p>
      </EmptyState>
    );
  }
  return (
    <div className="record-table-wrap">
      <table className="record-table record-table--cards" aria-label="Participants waiting for a match">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Waiting for</th>
            <th scope="col">Proposal</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((person) => (
            <tr key={person.participant_id}>
              <th scope="row" className="record-table__name">
                <Link to={`/participants/${person.participant_id}#peer-match`}>{person.preferred_name}</Link>
              </th>
              <td data-label="Waiting for">
                {days(person.days_waiting)}
                <span className="record-table__sub">
                  since <time dateTime={person.waiting_since}>{formatInstantDate(person.waiting_since)}</time>
                </span>
              </td>
              <td data-label="Proposal">
                {person.has_proposal ? 'Waiting for their answer' : 'No proposal yet'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Supervisors: each specialist's caseload against its capacity, and who waits for a match. */
export function CaseloadBalanceView() {
  const balance = useCaseloadBalance();

  if (balance.isPending) return <Loading label="Loading caseloads…" />;
  if (balance.isError) {
    return (
      <div role="alert" className="form-error load-error">
        <AlertIcon className="form-error__icon" />
        <div className="form-error__body">
          <p className="form-error__message">We couldn’t load the caseloads.</p>
          <p className="load-error__detail">
            {isProblemError(balance.error) ? balance.error.detail || balance.error.title : 'Something went wrong.'}
          </p>
          <Button variant="secondary" onClick={() => void balance.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }

  const { specialists } = balance.data;
  const waiting = [...balance.data.waiting].sort((a, b) => a.waiting_since.localeCompare(b.waiting_since));
  return (
    <>
      <section className="page-part" aria-labelledby="balance-specialists-heading">
        <h2 id="balance-specialists-heading">Specialists</h2>
        <p className="section-intro">
          Active matches take a place; proposals hold none until the participant accepts.
          <span className="capacity-legend" aria-hidden="true">
            <span className="legend-item legend-item--active">Active</span>
            <span className="legend-item legend-item--proposed">Proposed</span>
          </span>
        </p>
        <SpecialistsTable specialists={specialists} />
      </section>
      <section className="page-part" aria-labelledby="balance-waiting-heading">
        <h2 id="balance-waiting-heading">Waiting for a match</h2>
        <p className="section-intro">Longest wait first. Open a participant to see suggestions and propose a peer.</p>
        <WaitingTable waiting={waiting} />
      </section>
    </>
  );
}
