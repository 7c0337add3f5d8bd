"""The one place that decides which participants a principal may read.

Every participant-scoped route reaches participants through ``readable_participants``
(directly, or through the loader dependencies in ``dependencies.py``), so the rules in
DESIGN.md live here and nowhere else:

- admin and supervisor: every participant of their organisation;
- specialist: participants it has a proposed or active match with, and those it took
  in that have never been matched;
- participant: itself;
- anything else: nothing.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, exists, false, or_, select

from app.core.security import Principal
from app.matching.models import OPEN_STATUSES, PeerMatch
from app.participants.models import Participant
from app.specialists.models import Specialist


def readable_participants(principal: Principal) -> Select[Participant]:
    stmt = select(Participant).where(Participant.organisation_id == principal.organisation_id)
    if principal.role in ("admin", "supervisor"):
        return stmt
    if principal.role == "participant":
        if principal.participant_id is None:
            return stmt.where(false())
        return stmt.where(Participant.id == principal.participant_id)
    if principal.role == "specialist":
        matched_with_me = exists().where(
            PeerMatch.participant_id == Participant.id,
            PeerMatch.status.in_(OPEN_STATUSES),
            PeerMatch.specialist_id == Specialist.id,
            Specialist.user_id == principal.user_id,
        )
        ever_matched = exists().where(
            PeerMatch.participant_id == Participant.id, PeerMatch.activated_at.is_not(None)
        )
        taken_in_by_me = and_(Participant.intake_by_user_id == principal.user_id, ~ever_matched)
        return stmt.where(or_(matched_with_me, taken_in_by_me))
    return stmt.where(false())
