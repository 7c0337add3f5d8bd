"""Logging encounters, deciding who reads their notes, and billing their units.

The billing rules themselves are pure functions in ``billing.py``; this module applies
them to the database. An encounter's units are settled when it is logged, and again when
its length or start changes, against what the participant's other encounters of the same
UTC day have already billed, so a participant's day never bills more than the cap.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from app.core.pagination import paginate
from app.core.security import Principal
from app.encounters import billing
from app.encounters.models import Encounter
from app.encounters.schemas import EncounterCreate, EncounterUpdate
from app.participants.models import Participant


def may_read_note(*, principal: Principal, encounter: Encounter) -> bool:
    """Notes are the most sensitive part of the record (42 CFR Part 2: minimum necessary):
    only their author and the organisation's supervisors read them. Everyone else who may
    see the encounter sees that it happened, not what was said."""
    if principal.organisation_id != encounter.organisation_id:
        return False
    return principal.role == "supervisor" or principal.user_id == encounter.author_user_id


def _serialise_billing(*, db: Session, participant_id: uuid.UUID) -> None:
    # Two encounters logged at once for one participant must not both see room under the
    # daily cap. On PostgreSQL this row lock makes them take turns (FOR NO KEY UPDATE, so
    # inserts elsewhere that merely reference the participant are not held up). SQLite
    # ignores it and needs nothing more: its writers already queue on BEGIN IMMEDIATE.
    db.execute(
        select(Participant.id)
        .where(Participant.id == participant_id)
        .with_for_update(key_share=True)
    )


def billed_on(
    *, db: Session, participant_id: uuid.UUID, day: date, excluding: uuid.UUID | None = None
) -> int:
    """Units the participant's encounters that started on ``day`` (UTC) have billed."""
    start, end = billing.billing_day_bounds(day)
    stmt = select(func.coalesce(func.sum(Encounter.billable_units), 0)).where(
        Encounter.participant_id == participant_id,
        Encounter.started_at >= start,
        Encounter.started_at < end,
    )
    if excluding is not None:
        stmt = stmt.where(Encounter.id != excluding)
    return int(db.scalar(stmt) or 0)


def create(
    *, db: Session, principal: Principal, participant: Participant, data: EncounterCreate
) -> Encounter:
    _serialise_billing(db=db, participant_id=participant.id)
    already = billed_on(
        db=db, participant_id=participant.id, day=billing.billing_day(data.started_at)
    )
    encounter = Encounter(
        **data.model_dump(),
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        author_user_id=principal.user_id,
        billable_units=billing.billable_units(data.minutes, already),
    )
    db.add(encounter)
    db.flush()
    return encounter


def update(*, db: Session, encounter: Encounter, data: EncounterUpdate) -> Encounter:
    changes = data.model_dump(exclude_unset=True)
    rebill = "minutes" in changes or "started_at" in changes
    if rebill:
        _serialise_billing(db=db, participant_id=encounter.participant_id)
    for name, value in changes.items():
        setattr(encounter, name, value)
    if rebill:
        already = billed_on(
            db=db,
            participant_id=encounter.participant_id,
            day=billing.billing_day(encounter.started_at),
            excluding=encounter.id,
        )
        encounter.billable_units = billing.billable_units(encounter.minutes, already)
    db.flush()
    return encounter


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[Encounter], str | None]:
    stmt = select(Encounter).where(Encounter.participant_id == participant_id)
    return paginate(
        db,
        stmt,
        keys=[(Encounter.started_at, True), (Encounter.id, True)],
        limit=limit,
        cursor=cursor,
    )


# Built once: it differs from call to call only in the participants asked about.
_LAST_CONTACTS = (
    select(Encounter.participant_id, func.max(Encounter.started_at))
    .where(Encounter.participant_id.in_(bindparam("participant_ids", expanding=True)))
    .group_by(Encounter.participant_id)
)


def last_contact_for_participants(
    *, db: Session, participant_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When each participant's latest encounter started; participants without one are
    absent. The caller decides which participants it may ask about."""
    ids = set(participant_ids)
    if not ids:
        return {}
    rows = db.execute(_LAST_CONTACTS, {"participant_ids": list(ids)})
    return dict(rows.all())
