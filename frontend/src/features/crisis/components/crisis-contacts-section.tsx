import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { Loading } from '@/components/ui/spinner';
import { useDirtyTracker } from '@/hooks/use-dirty-tracker';
import { isProblemError } from '@/lib/problem';

import { useCreateCrisisContact } from '../api/create-crisis-contact';
import { useDeleteCrisisContact } from '../api/delete-crisis-contact';
import { useCrisisContacts } from '../api/get-crisis-contacts';
import { useUpdateCrisisContact } from '../api/update-crisis-contact';
import type { CrisisContact, CrisisContactUpdate } from '../types';

import { ContactForm, EMPTY_CONTACT, type ContactFormValues } from './contact-form';
import { CONTACT_KIND_LABELS, formatPhone } from './crisis-labels';

interface CrisisContactsSectionProps {
  participantId: string;
  participantName: string;
  /** Staff who work with the participant (admins read only). */
  canEdit: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

type Direction = 'up' | 'down';

/**
 * The participant's crisis contacts for staff (under an h3 on the participant's page), in the order to call them: add, change, move
 * and remove. The matched specialist follows the peer match and cannot be changed here; the
 * 988 Lifeline can be moved but not changed or removed; whether a contact may be contacted
 * is the participant's own decision, shown here but never changed.
 */
export function CrisisContactsSection({ participantId, participantName, canEdit, onDirtyChange }: CrisisContactsSectionProps) {
  const contacts = useCrisisContacts(participantId);
  const move = useUpdateCrisisContact(participantId);
  const dirty = useDirtyTracker(onDirtyChange);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CrisisContact | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // A moved row is re-rendered elsewhere in the list: its button gets the focus back.
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: Direction } | null>(null);

  const items = contacts.data?.items;
  useEffect(() => {
    if (!focusAfterMove || !items) return;
    const same = document.getElementById(moveButtonId(focusAfterMove.id, focusAfterMove.direction));
    const other = document.getElementById(moveButtonId(focusAfterMove.id, focusAfterMove.direction === 'up' ? 'down' : 'up'));
    const target = same instanceof HTMLButtonElement && !same.disabled ? same : other;
    target?.focus();
  }, [focusAfterMove, items]);

  function moveContact(contact: CrisisContact, direction: Direction) {
    setAnnouncement('');
    move.mutate(
      { contact, changes: { position: contact.position + (direction === 'up' ? -1 : 1) }, guard: 'none' },
      {
        onSuccess: (moved) => {
          setAnnouncement(`${moved.name} is now number ${moved.position + 1} in the list.`);
          setFocusAfterMove({ id: moved.id, direction });
        },
      },
    );
  }

  if (contacts.isPending) return <Loading label="Loading crisis contacts…" />;
  if (contacts.isError) {
    return (
      <div className="stack">
        <FormError error={contacts.error} />
        <Button variant="secondary" onClick={() => void contacts.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const list = contacts.data.items;
  return (
    <div className="crisis-contacts">
      <p className="section-intro">
        In the order {participantName} would call them. Only {participantName} decides who the team may contact; they
        do it in their own crisis plan.
      </p>
      <FormError error={move.error} />
      <ol className="crisis-contact-list" aria-label="Crisis contacts, in the order to call them">
        {list.map((contact, index) =>
          editingId === contact.id ? (
            <li key={contact.id} className="crisis-contact crisis-contact--editing">
              <EditContact
                participantId={participantId}
                participantName={participantName}
                contact={contact}
                reload={async () => (await contacts.refetch()).data?.items}
                onDirtyChange={dirty.track('edit-contact')}
                onDone={() => {
                  setEditingId(null);
                  requestAnimationFrame(() => document.getElementById(editButtonId(contact.id))?.focus());
                }}
              />
            </li>
          ) : (
            <ContactItem
              key={contact.id}
              number={index + 1}
              contact={contact}
              participantName={participantName}
              canEdit={canEdit}
              canMoveUp={index > 0 && !list[index - 1]?.managed_by_match}
              canMoveDown={index < list.length - 1}
              isMoving={move.isPending && move.variables?.contact.id === contact.id}
              busy={move.isPending}
              onMove={(direction) => moveContact(contact, direction)}
              onEdit={() => {
                setAnnouncement('');
                setEditingId(contact.id);
              }}
              onRemove={() => setRemoving(contact)}
            />
          ),
        )}
      </ol>
      <p role="status" className="crisis-contacts__status">
        {announcement}
      </p>

      {canEdit &&
        (adding ? (
          <AddContact
            participantId={participantId}
            participantName={participantName}
            onDirtyChange={dirty.track('add-contact')}
            onDone={(added) => {
              setAdding(false);
              if (added) setAnnouncement(`${added.name} is added to the crisis contacts.`);
              requestAnimationFrame(() => addButtonRef.current?.focus());
            }}
          />
        ) : (
          <Button ref={addButtonRef} variant="secondary" onClick={() => setAdding(true)}>
            Add a crisis contact
          </Button>
        ))}

      {removing && (
        <RemoveContactDialog
          participantId={participantId}
          participantName={participantName}
          contact={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setAnnouncement(`${removing.name} is removed from the crisis contacts.`);
            setRemoving(null);
            requestAnimationFrame(() => addButtonRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}

function moveButtonId(contactId: string, direction: Direction) {
  return `crisis-contact-${contactId}-move-${direction}`;
}

function editButtonId(contactId: string) {
  return `crisis-contact-${contactId}-edit`;
}

interface ContactItemProps {
  /** Its place in the list, from 1 (the list itself tells screen readers). */
  number: number;
  contact: CrisisContact;
  participantName: string;
  canEdit: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  isMoving: boolean;
  busy: boolean;
  onMove: (direction: Direction) => void;
  onEdit: () => void;
  onRemove: () => void;
}

function ContactItem({
  number,
  contact,
  participantName,
  canEdit,
  canMoveUp,
  canMoveDown,
  isMoving,
  busy,
  onMove,
  onEdit,
  onRemove,
}: ContactItemProps) {
  const kind = contact.is_lifeline ? 'Crisis line' : CONTACT_KIND_LABELS[contact.kind];
  let note: string;
  if (contact.managed_by_match) note = 'The matched peer specialist: first in the list while the match lasts.';
  else if (contact.is_lifeline) note = 'Always in the list. It can be moved, but not changed or removed.';
  else if (contact.may_contact) note = `May be contacted: yes, ${participantName} agreed.`;
  else note = `May be contacted: not yet. Only ${participantName} can allow it.`;
  // The specialist row follows the match: nothing to do here.
  const movable = canEdit && !contact.managed_by_match;
  const editable = canEdit && !contact.managed_by_match && !contact.is_lifeline;

  return (
    <li className={`crisis-contact${contact.is_lifeline ? ' crisis-contact--lifeline' : ''}`}>
      <span className="crisis-contact__number" aria-hidden="true">
        {number}
      </span>
      <div className="crisis-contact__details">
        <h4 className="crisis-contact__name">{contact.name}</h4>
        <p className="crisis-contact__kind">{kind}</p>
        <p className="crisis-contact__phone">
          {contact.phone ? (
            <a href={`tel:${contact.phone}`}>
              <span className="visually-hidden">Call {contact.name} at</span> {formatPhone(contact.phone)}
            </a>
          ) : (
            <span className="quiet-text">No phone number yet</span>
          )}
        </p>
        <p className={`crisis-contact__note${!contact.may_contact ? ' crisis-contact__note--waiting' : ''}`}>{note}</p>
      </div>
      {movable && (
        <div className="crisis-contact__actions">
          <Button
            id={moveButtonId(contact.id, 'up')}
            variant="secondary"
            disabled={!canMoveUp || busy}
            isLoading={isMoving}
            aria-label={`Move up: ${contact.name}`}
            onClick={() => onMove('up')}
          >
            Move up
          </Button>
          <Button
            id={moveButtonId(contact.id, 'down')}
            variant="secondary"
            disabled={!canMoveDown || busy}
            aria-label={`Move down: ${contact.name}`}
            onClick={() => onMove('down')}
          >
            Move down
          </Button>
          {editable && (
            <>
              <Button id={editButtonId(contact.id)} variant="secondary" aria-label={`Edit ${contact.name}`} onClick={onEdit}>
                Edit
              </Button>
              <Button variant="quiet" aria-label={`Remove ${contact.name}`} onClick={onRemove}>
                Remove
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function AddContact({
  participantId,
  participantName,
  onDone,
  onDirtyChange,
}: {
  participantId: string;
  participantName: string;
  onDone: (added: CrisisContact | null) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const create = useCreateCrisisContact(participantId);
  return (
    <div className="crisis-contacts__form">
      <ContactForm
        title="Add a crisis contact"
        hint={`It goes at the end of the list. Only ${participantName} can say that the team may contact this person: ask them to tick it in their crisis plan.`}
        initial={EMPTY_CONTACT}
        submitLabel="Add contact"
        isPending={create.isPending}
        error={create.error}
        onDirtyChange={onDirtyChange}
        onCancel={() => onDone(null)}
        // Staff cannot say yes for the participant: the contact waits for their choice.
        onSubmit={(values) => create.mutate({ ...values, may_contact: false }, { onSuccess: (added) => onDone(added) })}
      />
    </div>
  );
}

function toValues(contact: CrisisContact): ContactFormValues {
  return { kind: contact.kind, name: contact.name, phone: contact.phone ?? '' };
}

/**
 * Changes a contact. The change is checked against the contact as it was when editing began:
 * if someone changed it meanwhile (412), nothing is saved, what was typed stays, and the
 * latest version can be loaded.
 */
function EditContact({
  participantId,
  participantName,
  contact,
  reload,
  onDone,
  onDirtyChange,
}: {
  participantId: string;
  participantName: string;
  contact: CrisisContact;
  /** Reads the list afresh: the latest version after a conflict. */
  reload: () => Promise<CrisisContact[] | undefined>;
  onDone: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const update = useUpdateCrisisContact(participantId);
  const [base, setBase] = useState(contact);
  const [initial] = useState(() => toValues(contact));
  const [reloaded, setReloaded] = useState(false);
  const [gone, setGone] = useState(false);
  const [reloading, setReloading] = useState(false);
  const conflict = isProblemError(update.error) && (update.error.status === 412 || update.error.status === 404);

  async function loadLatest() {
    setReloading(true);
    try {
      const items = await reload();
      const latest = items?.find((item) => item.id === contact.id);
      if (latest) {
        setBase(latest);
        setReloaded(true);
        update.reset();
      } else if (items) {
        setGone(true);
      }
    } finally {
      setReloading(false);
    }
  }

  if (gone) {
    return (
      <div role="alert" className="conflict-notice">
        <p className="conflict-notice__message">Someone else removed this contact meanwhile. Nothing was saved.</p>
        <Button variant="secondary" onClick={onDone}>
          Close
        </Button>
      </div>
    );
  }

  function submit(values: ContactFormValues) {
    // Send what the person changed, where it differs from the contact as it now reads.
    const now = toValues(base);
    const changed = (key: keyof ContactFormValues) => values[key] !== initial[key] && values[key] !== now[key];
    const changes: CrisisContactUpdate = {};
    if (changed('kind') && values.kind) changes.kind = values.kind;
    if (changed('name')) changes.name = values.name;
    if (changed('phone')) changes.phone = values.phone;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate({ contact: base, changes, guard: 'content' }, { onSuccess: onDone });
  }

  let notice = null;
  if (conflict) {
    notice = (
      <div role="alert" className="conflict-notice">
        <p className="conflict-notice__message">
          Someone else changed this contact while you were editing it. Nothing was saved, and what you typed is still
          here.
        </p>
        <Button variant="secondary" onClick={() => void loadLatest()} isLoading={reloading}>
          Load the latest version
        </Button>
      </div>
    );
  } else if (reloaded) {
    notice = (
      <div role="status" className="conflict-notice conflict-notice--info">
        <p className="conflict-notice__message">The latest version is loaded. It now reads:</p>
        <p>
          {base.name}, {CONTACT_KIND_LABELS[base.kind]}, {base.phone ? formatPhone(base.phone) : 'no phone number'}
        </p>
        <p>Your changes are still in the form: save to use them, or cancel to keep the latest version.</p>
      </div>
    );
  }

  return (
    <ContactForm
      title={`Edit ${contact.name}`}
      hint={`Changing the name or the number asks ${participantName} again whether this person may be contacted.`}
      initial={initial}
      submitLabel="Save changes"
      isPending={update.isPending}
      error={conflict ? null : update.error}
      onDirtyChange={onDirtyChange}
      onCancel={onDone}
      onSubmit={submit}
      notice={notice}
    />
  );
}

function RemoveContactDialog({
  participantId,
  participantName,
  contact,
  onClose,
  onRemoved,
}: {
  participantId: string;
  participantName: string;
  contact: CrisisContact;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const remove = useDeleteCrisisContact(participantId);
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      onClose={onClose}
      initialFocusRef={keepRef}
      title={`Remove ${contact.name}?`}
      description={`${contact.name} will no longer be in ${participantName}’s crisis contacts or crisis plan.`}
    >
      <FormError error={remove.error} />
      <DialogActions>
        <Button ref={keepRef} variant="secondary" onClick={onClose}>
          Keep the contact
        </Button>
        <Button variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate(contact, { onSuccess: onRemoved })}>
          Remove contact
        </Button>
      </DialogActions>
    </Dialog>
  );
}
