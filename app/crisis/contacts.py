"""A participant's crisis contacts, in the order to call them.

The list is the active matched specialist (first, for as long as the match lasts; it is
read from the match, never stored), then the stored contacts by position, the 988
Lifeline among them. The Lifeline is stored for every participant when it is created; it
can be moved but never removed, and should its row ever be missing it is listed anyway."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, Forbidden, Unprocessable
from app.core.security import Principal
from app.crisis.models import LIFELINE_NAME, LIFELINE_PHONE, CrisisContact
from app.crisis.schemas import CrisisContactCreate, CrisisContactRead, CrisisContactUpdate
from app.matching.models import PeerMatch
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User

_LIFELINE_NAMESPACE = uuid.UUID("6f2b7c1e-5d0a-4f3e-9b8a-988988988988")
ONLY_THE_PARTICIPANT = "Only the participant decides who may be contacted."


def lifeline(participant_id: uuid.UUID, position: int) -> CrisisContactRead:
    """The 988 Lifeline as listed when its row is missing (it is always listed)."""
    return CrisisContactRead(
        id=uuid.uuid5(_LIFELINE_NAMESPACE, str(participant_id)),
        kind="hotline",
        name=LIFELINE_NAME,
        phone=LIFELINE_PHONE,
        position=position,
        may_contact=True,
        is_lifeline=True,
        managed_by_match=False,
    )


def _stored(db: Session, participant_id: uuid.UUID) -> list[CrisisContact]:
    return list(
        db.scalars(
            select(CrisisContact)
            .where(CrisisContact.participant_id == participant_id)
            .order_by(CrisisContact.position, CrisisContact.created_at, CrisisContact.id)
        )
    )


def _matched_specialist(db: Session, participant_id: uuid.UUID) -> CrisisContactRead | None:
    row = db.execute(
        select(PeerMatch.id, User.display_name, Specialist.phone)
        .join(Specialist, Specialist.id == PeerMatch.specialist_id)
        .join(User, User.id == Specialist.user_id)
        .where(PeerMatch.participant_id == participant_id, PeerMatch.status == "active")
    ).one_or_none()
    if row is None:
        return None
    match_id, name, phone = row
    return CrisisContactRead(
        id=match_id,
        kind="specialist",
        name=name,
        phone=phone,
        position=0,
        may_contact=True,
        is_lifeline=False,
        managed_by_match=True,
    )


def _read(contact: CrisisContact, position: int) -> CrisisContactRead:
    return CrisisContactRead(
        id=contact.id,
        kind=contact.kind,
        name=contact.name,
        phone=contact.phone,
        position=position,
        may_contact=contact.may_contact,
        is_lifeline=contact.is_lifeline,
        managed_by_match=False,
    )


def list_for(*, db: Session, participant_id: uuid.UUID) -> list[CrisisContactRead]:
    """The contacts in the order to call them, numbered from 0."""
    entries: list[CrisisContactRead] = []
    if (specialist := _matched_specialist(db, participant_id)) is not None:
        entries.append(specialist)
    stored = _stored(db, participant_id)
    entries += [_read(contact, len(entries) + i) for i, contact in enumerate(stored)]
    if not any(contact.is_lifeline for contact in stored):
        entries.append(lifeline(participant_id, len(entries)))
    return entries


def position_of_read(*, db: Session, contact: CrisisContact) -> CrisisContactRead:
    """A stored contact as listed, with its place in the whole list."""
    for entry in list_for(db=db, participant_id=contact.participant_id):
        if entry.id == contact.id:
            return entry
    raise RuntimeError("a stored contact is always listed")  # pragma: no cover


def _place(db: Session, contact: CrisisContact, position: int) -> None:
    """Move ``contact`` to ``position`` of the whole list (the matched specialist stays
    first), renumbering the stored contacts."""
    offset = 1 if _matched_specialist(db, contact.participant_id) is not None else 0
    others = [c for c in _stored(db, contact.participant_id) if c.id != contact.id]
    others.insert(max(0, min(position - offset, len(others))), contact)
    for index, stored in enumerate(others):
        if stored.position != index:
            stored.position = index
    db.flush()


def add(
    *, db: Session, principal: Principal, participant: Participant, data: CrisisContactCreate
) -> CrisisContact:
    if data.may_contact and principal.role != "participant":
        raise Forbidden(ONLY_THE_PARTICIPANT)
    count = len(_stored(db, participant.id))
    contact = CrisisContact(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        kind=data.kind,
        name=data.name,
        phone=data.phone,
        position=count,
        may_contact=data.may_contact,
        is_lifeline=False,
        created_by_user_id=principal.user_id,
    )
    db.add(contact)
    db.flush()
    if data.position is not None:
        _place(db, contact, data.position)
    return contact


def update(
    *, db: Session, principal: Principal, contact: CrisisContact, data: CrisisContactUpdate
) -> CrisisContact:
    changes = data.model_dump(exclude_unset=True)
    position = changes.pop("position", None)
    if contact.is_lifeline and changes:
        raise Unprocessable("The 988 Lifeline can be moved, but not changed.")
    if "may_contact" in changes and principal.role != "participant":
        raise Forbidden(ONLY_THE_PARTICIPANT)
    person_changed = any(
        name in changes and changes[name] != getattr(contact, name) for name in ("name", "phone")
    )
    for name, value in changes.items():
        setattr(contact, name, value)
    if person_changed and principal.role != "participant":
        # The participant agreed to contacting that person at that number, not this one.
        contact.may_contact = False
    if position is not None:
        _place(db, contact, position)
    db.flush()
    return contact


def remove(*, db: Session, contact: CrisisContact) -> None:
    if contact.is_lifeline:
        raise Conflict("The 988 Lifeline always stays in the list; move it instead.")
    participant_id = contact.participant_id
    db.delete(contact)
    db.flush()
    for index, stored in enumerate(_stored(db, participant_id)):
        if stored.position != index:
            stored.position = index
    db.flush()
