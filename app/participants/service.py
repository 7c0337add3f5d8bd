"""Intake, profile changes, search and withdrawal of participants."""

from __future__ import annotations

import functools
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, exists
from sqlalchemy.orm import Session

from app.check_ins import service as check_ins
from app.consents.models import Consent
from app.core.base import utcnow
from app.core.errors import Conflict
from app.core.pagination import page_query, split_page
from app.core.security import Principal
from app.matching import service as matching
from app.matching.models import PeerMatch
from app.participants.access import readable_participants
from app.participants.models import Participant
from app.participants.schemas import ParticipantCreate, ParticipantRead, ParticipantUpdate


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``: "Zoë" and "ZOE" both fold to "zoe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def search_name_of(preferred_name: str, legal_name: str | None) -> str:
    return fold(" ".join(part for part in (preferred_name, legal_name) if part))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_contains(q: str) -> ColumnElement[bool]:
    """Preferred or legal name contains ``q``, ignoring case and accents."""
    return Participant.search_name.like(f"%{_escape_like(fold(q))}%", escape="\\")


@dataclass(frozen=True)
class ParticipantFilters:
    q: str | None = None
    status: str | None = None
    risk_level: str | None = None
    specialist_id: uuid.UUID | None = None


def intake(*, db: Session, principal: Principal, data: ParticipantCreate) -> Participant:
    fields = data.model_dump(exclude={"enrolment_consent"})
    participant = Participant(
        **fields,
        organisation_id=principal.organisation_id,
        search_name=search_name_of(data.preferred_name, data.legal_name),
        status="active",
        enrolled_at=utcnow(),
        intake_by_user_id=principal.user_id,
    )
    db.add(participant)
    db.flush()
    db.add(
        Consent(
            organisation_id=participant.organisation_id,
            participant_id=participant.id,
            kind="enrolment",
            signed_at=data.enrolment_consent.signed_at,
            signature=data.enrolment_consent.signature,
            created_by_user_id=principal.user_id,
        )
    )
    db.flush()
    return participant


_COLUMNS = Participant.__table__.columns.keys()
# What a list of participants reads: the columns ParticipantRead shows, the key the
# list is ordered by, and when each last reported use (a subquery, not a second query).
_LISTED = (
    *(getattr(Participant, name) for name in ParticipantRead.model_fields if name in _COLUMNS),
    Participant.search_name,
    check_ins.last_reported_use_at(Participant.id).label("last_reported_use_at"),
)


_ORDER = ((Participant.search_name, False), (Participant.id, False))


def list_page(
    *,
    db: Session,
    principal: Principal,
    filters: ParticipantFilters,
    limit: int,
    cursor: str | None,
) -> tuple[list[Row[Any]], str | None]:
    """A page of the participants ``principal`` may read, as rows of the columns a
    ParticipantRead shows, and ``last_reported_use_at``."""
    if cursor is None and not filters.q:
        page = _first_page(principal, filters, limit)
    else:
        page = page_query(_listing(principal, filters), _ORDER, limit, cursor)
    # Columns only: executed on the session's connection, past the ORM's result handling.
    # Rows are read by name, so the result need not be keyed by this statement's own
    # column objects (what SQLAlchemy rebuilds for every statement object other than the
    # one it compiled, as the ORM also tells it not to).
    rows = db.connection().execute(
        page, execution_options={"_result_disable_adapt_to_context": True}
    )
    return split_page(list(rows.all()), _ORDER, limit)


@functools.lru_cache(maxsize=1024)
def _first_page(principal: Principal, filters: ParticipantFilters, limit: int) -> Select[Any]:
    """The first page's statement, built once per caller and filters. A statement is
    immutable, and one used again also keeps the cache key SQLAlchemy derives from it,
    which is as costly as building it. (Not for a name search, whose text is personal.)"""
    return page_query(_listing(principal, filters), _ORDER, limit, None)


def _listing(principal: Principal, filters: ParticipantFilters) -> Select[Any]:
    stmt = readable_participants(principal).with_only_columns(*_LISTED)
    if filters.q:
        stmt = stmt.where(name_contains(filters.q))
    if filters.status:
        stmt = stmt.where(Participant.status == filters.status)
    if filters.risk_level:
        stmt = stmt.where(Participant.risk_level == filters.risk_level)
    if filters.specialist_id:
        stmt = stmt.where(
            exists().where(
                PeerMatch.participant_id == Participant.id,
                PeerMatch.specialist_id == filters.specialist_id,
                PeerMatch.status == "active",
            )
        )
    return stmt


def update(*, db: Session, participant: Participant, data: ParticipantUpdate) -> Participant:
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(participant, name, value)
    participant.search_name = search_name_of(participant.preferred_name, participant.legal_name)
    db.flush()
    return participant


def withdraw(
    *, db: Session, participant: Participant, by: uuid.UUID, reason: str | None
) -> Participant:
    """The participant's voluntary exit: open matches end, the record is kept."""
    if participant.status == "withdrawn":
        raise Conflict("The participant has already withdrawn.")
    participant.status = "withdrawn"
    participant.withdrawn_at = utcnow()
    participant.withdrawal_reason = reason
    matching.end_open_matches(
        db=db, participant_id=participant.id, by=by, reason="participant withdrew"
    )
    db.flush()
    return participant
