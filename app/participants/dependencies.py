"""Loaders that fetch a participant-scoped record and authorise the caller in one step."""

from __future__ import annotations

import uuid
from typing import Annotated, Protocol, TypeVar

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.auth.dependencies import CurrentPrincipal
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.security import Principal
from app.participants.access import readable_participants
from app.participants.models import Participant


def authorize_participant(
    *,
    request: Request,
    db: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    not_found: str = "Participant not found.",
) -> Participant:
    """The participant, if the caller may see it; 404 (``not_found``) otherwise, so a
    refusal never reveals that a record exists. The attempt is audited either way.

    Loaders of records that belong to a participant (a consent, a goal, a plan) call this
    with the record's participant id, so one rule decides every access."""
    audit.trail_of(request).touch(participant_id)
    participant = db.scalar(
        readable_participants(principal).where(Participant.id == participant_id)
    )
    if participant is None:
        raise NotFound(not_found)
    return participant


class BelongsToParticipant(Protocol):
    participant_id: uuid.UUID


RecordT = TypeVar("RecordT", bound=BelongsToParticipant)


def load_for_participant(
    model: type[RecordT],
    record_id: uuid.UUID,
    *,
    request: Request,
    db: Session,
    principal: Principal,
    not_found: str,
) -> RecordT:
    """A record that belongs to a participant (a consent, a goal, an encounter), if the
    caller may see that participant; 404 (``not_found``) otherwise."""
    record = db.get(model, record_id)
    if record is None:
        raise NotFound(not_found)
    authorize_participant(
        request=request,
        db=db,
        principal=principal,
        participant_id=record.participant_id,
        not_found=not_found,
    )
    return record


def participant_for_read(
    participant_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Participant:
    """The participant named in the path."""
    return authorize_participant(
        request=request, db=db, principal=principal, participant_id=participant_id
    )


ReadableParticipant = Annotated[Participant, Depends(participant_for_read)]
