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

import uuid

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Select,
    Uuid,
    bindparam,
    exists,
    false,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from app.core.security import Principal
from app.matching.models import OPEN_STATUSES, PeerMatch
from app.participants.models import Participant
from app.specialists.models import Specialist

_OPEN: BindParameter[list[str]] = bindparam(
    "open_statuses", list(OPEN_STATUSES), expanding=True, literal_execute=True
)


def readable_participants(principal: Principal) -> Select[Participant]:
    """A select of the participants ``principal`` may read, for callers to narrow."""
    stmt = select(Participant).where(Participant.organisation_id == principal.organisation_id)
    if principal.role in ("admin", "supervisor"):
        return stmt
    if principal.role == "participant":
        if principal.participant_id is None:
            return stmt.where(false())
        return stmt.where(Participant.id == principal.participant_id)
    if principal.role == "specialist":
        return stmt.where(Participant.id.in_(_readable_by_specialist(principal.user_id)))
    return stmt.where(false())


def _readable_by_specialist(user_id: uuid.UUID) -> CompoundSelect[tuple[uuid.UUID]]:
    """The ids of the participants a specialist may read: those it has an open match with,
    and those it took in that were never matched. Found from the specialist's side (its
    matches, its intakes, both indexed), so that the cost follows its caseload, not the
    size of its organisation. Testing each participant of the organisation in turn, as
    this once did, 10,000 more participants made the query 9 to 19 times as costly
    (bench/README.md, "Organisation size"). Each part stands alone: neither takes a table
    from the query it is used in.

    The open statuses are written into the statement, not sent as parameters, and the
    specialist is one parameter: PostgreSQL then plans the statement once per connection
    (a generic plan) that fits every specialist, rather than planning it afresh at every
    execution, which cost more than running it (bench/README.md, "What PostgreSQL
    planned, and the caseload")."""
    reader = bindparam("reader_user_id", user_id, type_=Uuid)
    matched_with_me = (
        select(PeerMatch.participant_id)
        .join(Specialist, PeerMatch.specialist_id == Specialist.id)
        .where(Specialist.user_id == reader, PeerMatch.status.in_(_OPEN))
        .correlate(None)
    )
    taken_in_by_me = (
        select(_TAKEN_IN.id)
        .where(_TAKEN_IN.intake_by_user_id == reader, ~_EVER_MATCHED)
        .correlate(None)
    )
    return union_all(matched_with_me, taken_in_by_me)


# Made once: SQLAlchemy adapts an alias's columns one by one when it is first used, which
# cost a sixth of the caseload endpoint's own CPU when every request made its own alias.
_TAKEN_IN = aliased(Participant, name="taken_in")
_EVER_MATCHED = (
    exists()
    .where(PeerMatch.participant_id == _TAKEN_IN.id, PeerMatch.activated_at.is_not(None))
    .correlate(_TAKEN_IN)
)
