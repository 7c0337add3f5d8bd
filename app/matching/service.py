"""Peer match lifecycle."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.matching.models import OPEN_STATUSES, PeerMatch
from app.specialists.models import Specialist
from app.users.models import User


def end_open_matches(*, db: Session, participant_id: uuid.UUID, by: uuid.UUID, reason: str) -> int:
    """End every proposed or active match of a participant; history is kept."""
    result = db.execute(
        update(PeerMatch)
        .where(PeerMatch.participant_id == participant_id, PeerMatch.status.in_(OPEN_STATUSES))
        .values(status="ended", ended_at=utcnow(), ended_by_user_id=by, end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ActiveSpecialist:
    specialist_id: uuid.UUID
    display_name: str


def active_specialists(
    *, db: Session, participant_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ActiveSpecialist]:
    """Each participant's actively matched specialist: one query for any number of them."""
    if not participant_ids:
        return {}
    rows = db.execute(
        select(PeerMatch.participant_id, Specialist.id, User.display_name)
        .join(Specialist, Specialist.id == PeerMatch.specialist_id)
        .join(User, User.id == Specialist.user_id)
        .where(PeerMatch.participant_id.in_(participant_ids), PeerMatch.status == "active")
    )
    return {
        participant_id: ActiveSpecialist(specialist_id, name)
        for participant_id, specialist_id, name in rows
    }
