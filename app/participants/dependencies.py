"""Loaders that fetch a participant and authorise the caller in one step."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentPrincipal
from app.core import audit
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.participants.access import readable_participants
from app.participants.models import Participant


def participant_for_read(
    participant_id: uuid.UUID, request: Request, db: SessionDep, principal: CurrentPrincipal
) -> Participant:
    """The participant named in the path, if the caller may see it; 404 otherwise, so a
    refusal never reveals that a record exists. The attempt is audited either way."""
    audit.trail_of(request).touch(participant_id)
    participant = db.scalar(
        readable_participants(principal).where(Participant.id == participant_id)
    )
    if participant is None:
        raise NotFound("Participant not found.")
    return participant


ReadableParticipant = Annotated[Participant, Depends(participant_for_read)]
