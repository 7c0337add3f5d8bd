import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { AlertIcon } from '@/components/ui/icons';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { specialistQueryOptions } from '../api/get-specialist';
import { useSpecialists } from '../api/get-specialists';
import type { Specialist, VersionedSpecialist } from '../types';

import { decadeLabel, FAITHS, GENDERS, labelOf, RECOVERY_PATHWAYS, SUBSTANCES } from './specialist-labels';
import { SpecialistProfileForm } from './specialist-profile-form';

function specialists(count: number): string {
  return count === 1 ? '1 specialist' : `${count} specialists`;
}

interface SpecialistsDirectoryProps {
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** The organisation's specialists with their lived experience and capacity; each profile editable. */
export function SpecialistsDirectory({ onDirtyChange }: SpecialistsDirectoryProps) {
  const list = useSpecialists();
  const [editing, setEditing] = useState<VersionedSpecialist | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (list.isPending) return <Loading label="Loading specialists…" />;
  if (list.isError && !list.data) {
    return (
      <div role="alert" className="form-error load-error">
        <AlertIcon className="form-error__icon" />
        <div className="form-error__body">
          <p className="form-error__message">We couldn’t load the specialists.</p>
          <p className="load-error__detail">
            {isProblemError(list.error) ? list.error.detail || list.error.title : 'Something went wrong.'}
          </p>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }

  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No specialists yet" headingLevel={2}>
        <p>A profile is made for every specialist account. Create one on the Users page.</p>
      </EmptyState>
    );
  }

  return (
    <div className="list-view">
      {/* Focus goes back to the profile's Edit button; the confirmation is announced from here. */}
      <div role="status" className="specialists__status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ul className="specialist-list" aria-label="Specialists">
        {items.map((specialist) => (
          <SpecialistCard
            key={specialist.id}
            specialist={specialist}
            editing={editing?.value.id === specialist.id ? editing : null}
            onEdit={(loaded) => {
              setNotice(null);
              setEditing(loaded);
            }}
            onDone={(saved) => {
              setEditing(null);
              if (saved) setNotice(`${saved.display_name}’s profile is saved.`);
            }}
            onDirtyChange={onDirtyChange}
          />
        ))}
      </ul>
      <div className="list-footer">
        <p className="list-footer__count">
          {list.hasNextPage ? `Showing the first ${specialists(items.length)}.` : `Showing ${specialists(items.length)}.`}
        </p>
        {list.hasNextPage && (
          <Button variant="secondary" isLoading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
    </div>
  );
}

interface SpecialistCardProps {
  specialist: Specialist;
  editing: VersionedSpecialist | null;
  onEdit: (loaded: VersionedSpecialist) => void;
  onDone: (saved: Specialist | null) => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

function SpecialistCard({ specialist, editing, onEdit, onDone, onDirtyChange }: SpecialistCardProps) {
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const headingId = `specialist-${specialist.id}`;

  // Lists carry no ETags: the profile is read afresh when editing starts, and its ETag is sent.
  async function startEditing() {
    setOpening(true);
    setOpenError(null);
    try {
      onEdit(await queryClient.fetchQuery(specialistQueryOptions(specialist.id)));
    } catch (error) {
      setOpenError(error);
    } finally {
      setOpening(false);
    }
  }

  return (
    <li className="specialist-card">
      <div className="suggestion__header">
        <h2 id={headingId} className="specialist-card__name">
          {specialist.display_name}
        </h2>
        <span className={`availability availability--${specialist.accepting_new ? 'open' : 'closed'}`}>
          {specialist.accepting_new ? 'Taking new participants' : 'Not taking new participants'}
        </span>
      </div>
      {editing ? (
        <SpecialistProfileForm
          loaded={editing}
          onDirtyChange={onDirtyChange}
          onDone={(saved) => {
            onDone(saved);
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      ) : (
        <>
          <SpecialistDetails specialist={specialist} />
          <FormError error={openError} />
          <Button ref={editButtonRef} variant="secondary" isLoading={opening} onClick={() => void startEditing()}>
            Edit profile{' '}<span className="visually-hidden">of {specialist.display_name}</span>
          </Button>
        </>
      )}
    </li>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children || <span className="details__none">Not given</span>}</dd>
    </div>
  );
}

function SpecialistDetails({ specialist }: { specialist: Specialist }) {
  const stance = [
    specialist.moud_affirming && 'MOUD-affirming',
    specialist.lgbtq_affirming && 'LGBTQ+ affirming',
    specialist.veteran && 'Veteran',
    specialist.justice_involved && 'Justice-involved',
  ].filter(Boolean);
  return (
    <dl className="details details--compact">
      <Row term="Caseload">
        {specialist.active_caseload} of {specialist.max_caseload} places taken
      </Row>
      <Row term="Recovery pathways">
        {specialist.recovery_pathways.map((value) => labelOf(RECOVERY_PATHWAYS, value)).join(', ')}
      </Row>
      <Row term="Lived experience with">
        {specialist.substances.map((value) => labelOf(SUBSTANCES, value)).join(', ')}
      </Row>
      <Row term="Languages">{specialist.languages.join(', ')}</Row>
      <Row term="Gender">{specialist.gender && labelOf(GENDERS, specialist.gender)}</Row>
      <Row term="Born in the">{specialist.birth_decade != null && decadeLabel(specialist.birth_decade)}</Row>
      <Row term="Faith">{specialist.faith && labelOf(FAITHS, specialist.faith)}</Row>
      <Row term="Area">{specialist.region}</Row>
      <Row term="Also">{stance.join(', ')}</Row>
    </dl>
  );
}
