"""Peer match lifecycle: propose, accept, decline, end; and the caseload counters.

Capacity is taken atomically: accepting a proposal increments the specialist's
``active_caseload`` with one conditional UPDATE (``... WHERE active_caseload <
max_caseload AND accepting_new``) and checks the row count, so two accepts can never both
take the last place, on SQLite or PostgreSQL, without relying on row locks taken by
``SELECT ... FOR UPDATE``. Every change runs in the request's one transaction: a refusal
rolls back whatever was done before it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from app.core.base import utcnow
from app.core.errors import Conflict, Forbidden, Unprocessable
from app.core.pagination import paginate
from app.core.security import Principal
from app.matching import suggestions
from app.matching.models import OPEN_STATUSES, PeerMatch
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User

NO_SPACE = "This specialist has no space right now."
REMATCHED = "re-matched"
CHANGE_REQUESTED = "participant asked for a different match"
CHOSE_ANOTHER = "the participant chose another peer"


def _rowcount(result: object) -> int:
    return int(result.rowcount)  # type: ignore[attr-defined]


def _decrement(db: Session, specialist_id: uuid.UUID) -> None:
    db.execute(
        update(Specialist)
        .where(Specialist.id == specialist_id, Specialist.active_caseload > 0)
        .values(active_caseload=Specialist.active_caseload - 1)
        .execution_options(synchronize_session=False)
    )


def end_open_matches(*, db: Session, participant_id: uuid.UUID, by: uuid.UUID, reason: str) -> int:
    """End every proposed or active match of a participant; history is kept. The
    specialist of the (at most one) active match gets its place back."""
    db.flush()
    db.execute(
        update(Specialist)
        .where(
            Specialist.id.in_(
                select(PeerMatch.specialist_id).where(
                    PeerMatch.participant_id == participant_id, PeerMatch.status == "active"
                )
            ),
            Specialist.active_caseload > 0,
        )
        .values(active_caseload=Specialist.active_caseload - 1)
        .execution_options(synchronize_session=False)
    )
    result = db.execute(
        update(PeerMatch)
        .where(PeerMatch.participant_id == participant_id, PeerMatch.status.in_(OPEN_STATUSES))
        .values(status="ended", ended_at=utcnow(), ended_by_user_id=by, end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result)


def recount_caseloads(*, db: Session, organisation_id: uuid.UUID) -> None:
    """Set every specialist's ``active_caseload`` of an organisation from its active
    matches (for data created directly, such as the demo)."""
    db.flush()
    active = (
        select(func.count())
        .select_from(PeerMatch)
        .where(PeerMatch.specialist_id == Specialist.id, PeerMatch.status == "active")
        .scalar_subquery()
    )
    db.execute(
        update(Specialist)
        .where(Specialist.organisation_id == organisation_id)
        .values(active_caseload=active)
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True)
class ActiveSpecialist:
    specialist_id: uuid.UUID
    display_name: str


# Built once: the statements of a page's facts differ only in the participants asked about.
_ACTIVE_SPECIALISTS = (
    select(PeerMatch.participant_id, Specialist.id, User.display_name)
    .join(Specialist, Specialist.id == PeerMatch.specialist_id)
    .join(User, User.id == Specialist.user_id)
    .where(
        PeerMatch.participant_id.in_(bindparam("participant_ids", expanding=True)),
        PeerMatch.status == "active",
    )
)


def active_specialists(
    *, db: Session, participant_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ActiveSpecialist]:
    """Each participant's actively matched specialist: one query for any number of them."""
    if not participant_ids:
        return {}
    rows = db.execute(_ACTIVE_SPECIALISTS, {"participant_ids": list(participant_ids)})
    return {
        participant_id: ActiveSpecialist(specialist_id, name)
        for participant_id, specialist_id, name in rows
    }


def specialist_names(*, db: Session, specialist_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Display names of specialist profiles: one query."""
    if not specialist_ids:
        return {}
    rows = db.execute(
        select(Specialist.id, User.display_name)
        .join(User, User.id == Specialist.user_id)
        .where(Specialist.id.in_(set(specialist_ids)))
    )
    return dict(rows.all())


def list_page(
    *, db: Session, participant_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[PeerMatch], str | None]:
    """A participant's matches, newest proposal first."""
    return paginate(
        db,
        select(PeerMatch).where(PeerMatch.participant_id == participant_id),
        keys=[(PeerMatch.proposed_at, True), (PeerMatch.id, True)],
        limit=limit,
        cursor=cursor,
    )


def _own_participant(principal: Principal, participant_id: uuid.UUID, action: str) -> None:
    if principal.role != "participant" or principal.participant_id != participant_id:
        raise Forbidden(f"Only the participant may {action}.")


def propose(
    *, db: Session, principal: Principal, participant: Participant, specialist_id: uuid.UUID
) -> PeerMatch:
    if principal.role not in ("specialist", "supervisor"):
        raise Forbidden(f"This operation is not available to the {principal.role} role.")
    if participant.status != "active":
        raise Conflict("Only an active participant can be matched.")
    row = db.execute(
        select(Specialist, User.is_active)
        .join(User, User.id == Specialist.user_id)
        .where(Specialist.id == specialist_id)
    ).one_or_none()
    if row is None or row[0].organisation_id != participant.organisation_id:
        raise Unprocessable("specialist_id: no such specialist in this organisation.")
    if not row[1]:
        raise Unprocessable("specialist_id: this specialist's account is deactivated.")
    duplicate = db.scalar(
        select(PeerMatch.id).where(
            PeerMatch.participant_id == participant.id,
            PeerMatch.specialist_id == specialist_id,
            PeerMatch.status.in_(OPEN_STATUSES),
        )
    )
    if duplicate is not None:
        raise Conflict("This participant already has an open match with this specialist.")
    scored = suggestions.assess_proposal(
        db=db, participant=participant, specialist_id=specialist_id
    )
    match = PeerMatch(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        specialist_id=specialist_id,
        status="proposed",
        proposed_at=utcnow(),
        proposed_by_user_id=principal.user_id,
        # Kept with the proposal, so the participant sees why this peer was suggested.
        score=scored.score,
        explanation=[
            {"criterion": c.criterion, "points": c.points, "reason": c.reason}
            for c in scored.explanation
        ],
    )
    db.add(match)
    db.flush()
    return match


def _end(db: Session, match: PeerMatch, *, from_status: str, by: uuid.UUID, reason: str) -> None:
    """End ``match`` if it is still ``from_status``; 409 when someone changed it first."""
    result = db.execute(
        update(PeerMatch)
        .where(PeerMatch.id == match.id, PeerMatch.status == from_status)
        .values(status="ended", ended_at=utcnow(), ended_by_user_id=by, end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(result) != 1:
        raise Conflict("The match was changed by someone else; reload it and try again.")
    if from_status == "active":
        _decrement(db, match.specialist_id)


def accept(*, db: Session, principal: Principal, match: PeerMatch) -> PeerMatch:
    """The participant's choice: the proposal becomes the active match, taking a place."""
    _own_participant(principal, match.participant_id, "accept a proposed match")
    if match.status != "proposed":
        raise Conflict(f"Only a proposed match can be accepted; this one is {match.status}.")
    participant = db.get(Participant, match.participant_id)
    if participant is None or participant.status != "active":
        raise Conflict("Only an active participant can be matched.")
    # Re-matching: the previous active match ends first (history kept; one active match
    # per participant is a unique index), and its place is freed.
    previous = db.scalar(
        select(PeerMatch).where(
            PeerMatch.participant_id == match.participant_id,
            PeerMatch.status == "active",
            PeerMatch.id != match.id,
        )
    )
    if previous is not None:
        # Two re-matches can swap specialists (one moves from X to Y, another from Y to
        # X). Each changes both counters, so lock both rows in one order first: otherwise
        # each could hold one row while waiting for the other (a deadlock on PostgreSQL;
        # SQLite already runs one writer at a time).
        db.execute(
            select(Specialist.id)
            .where(Specialist.id.in_([previous.specialist_id, match.specialist_id]))
            .order_by(Specialist.id)
            .with_for_update()
        )
        _end(db, previous, from_status="active", by=principal.user_id, reason=REMATCHED)
        db.refresh(previous)
    # Claim the proposal first: of two accepts of one proposal only one gets a row.
    claimed = db.execute(
        update(PeerMatch)
        .where(PeerMatch.id == match.id, PeerMatch.status == "proposed")
        .values(status="active", activated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if _rowcount(claimed) != 1:
        raise Conflict("The match was changed by someone else; reload it and try again.")
    # Take the place: checked and taken in one statement.
    taken = db.execute(
        update(Specialist)
        .where(
            Specialist.id == match.specialist_id,
            Specialist.active_caseload < Specialist.max_caseload,
            Specialist.accepting_new.is_(True),
        )
        .values(active_caseload=Specialist.active_caseload + 1)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(taken) != 1:
        raise Conflict(NO_SPACE)
    # The choice is made: the other proposals close, so their specialists stop counting
    # them as pending and the participant is no longer asked about them.
    db.execute(
        update(PeerMatch)
        .where(
            PeerMatch.participant_id == match.participant_id,
            PeerMatch.status == "proposed",
            PeerMatch.id != match.id,
        )
        .values(status="declined", declined_at=utcnow(), decline_reason=CHOSE_ANOTHER)
        .execution_options(synchronize_session=False)
    )
    db.refresh(match)
    return match


def decline(
    *, db: Session, principal: Principal, match: PeerMatch, reason: str | None
) -> PeerMatch:
    _own_participant(principal, match.participant_id, "decline a proposed match")
    if match.status != "proposed":
        raise Conflict(f"Only a proposed match can be declined; this one is {match.status}.")
    result = db.execute(
        update(PeerMatch)
        .where(PeerMatch.id == match.id, PeerMatch.status == "proposed")
        .values(status="declined", declined_at=utcnow(), decline_reason=reason)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(result) != 1:
        raise Conflict("The match was changed by someone else; reload it and try again.")
    db.refresh(match)
    return match


def end(*, db: Session, principal: Principal, match: PeerMatch, reason: str) -> PeerMatch:
    """The participant, the matched specialist or a supervisor ends a match."""
    allowed = (
        principal.role == "supervisor"
        or (principal.role == "participant" and principal.participant_id == match.participant_id)
        or (
            principal.role == "specialist"
            and db.scalar(select(Specialist.user_id).where(Specialist.id == match.specialist_id))
            == principal.user_id
        )
    )
    if not allowed:
        raise Forbidden("Only the participant, the matched specialist or a supervisor may end it.")
    if match.status not in OPEN_STATUSES:
        raise Conflict(f"Only an open match can be ended; this one is {match.status}.")
    _end(db, match, from_status=match.status, by=principal.user_id, reason=reason)
    db.refresh(match)
    return match


def request_change(
    *, db: Session, principal: Principal, participant: Participant, reason: str | None
) -> PeerMatch:
    """The participant asks for a different peer: its active match ends."""
    _own_participant(principal, participant.id, "ask for a different match")
    match = db.scalar(
        select(PeerMatch).where(
            PeerMatch.participant_id == participant.id, PeerMatch.status == "active"
        )
    )
    if match is None:
        raise Conflict("There is no active match to change.")
    end_reason = f"{CHANGE_REQUESTED}: {reason}" if reason else CHANGE_REQUESTED
    _end(db, match, from_status="active", by=principal.user_id, reason=end_reason)
    db.refresh(match)
    return match
