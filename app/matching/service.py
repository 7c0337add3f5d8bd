"""Peer match lifecycle."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.matching.models import OPEN_STATUSES, PeerMatch


def end_open_matches(*, db: Session, participant_id: uuid.UUID, by: uuid.UUID, reason: str) -> int:
    """End every proposed or active match of a participant; history is kept."""
    result = db.execute(
        update(PeerMatch)
        .where(PeerMatch.participant_id == participant_id, PeerMatch.status.in_(OPEN_STATUSES))
        .values(status="ended", ended_at=utcnow(), ended_by_user_id=by, end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
