"""The append-only audit trail.

Every request that touches participant data, or is refused, leaves audit events. They are
collected on the request as it runs (who is calling, which participants it touched) and
written once, in one INSERT, by the session dependency in ``app.core.db``. The events say
who did what to whose record and how it ended; never the data itself, and never the query
string (a search term can be a name).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from sqlalchemy import BigInteger, Index, Integer, String, insert
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker
from starlette.requests import Request

from app.core.base import Base, utcnow
from app.core.errors import status_for

logger = logging.getLogger("prss.audit")

Outcome = Literal["success", "denied", "failed"]


class Actor(Protocol):
    """Whoever a request acts as: a person's account, or an integrator client (whose id is
    the actor id and whose role is ``integrator``). Ids and a role only: nothing personal."""

    @property
    def actor_id(self) -> uuid.UUID: ...

    @property
    def role(self) -> str: ...

    @property
    def organisation_id(self) -> uuid.UUID: ...


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_participant_id_occurred_at", "participant_id", "occurred_at"),
        Index("ix_audit_events_organisation_id_occurred_at", "organisation_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    organisation_id: Mapped[uuid.UUID | None]
    actor_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    actor_role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(10))
    resource: Mapped[str] = mapped_column(String(300))
    # Not a foreign key: a refused attempt on an id that does not exist is recorded too.
    participant_id: Mapped[uuid.UUID | None]
    outcome: Mapped[str] = mapped_column(String(10))
    status_code: Mapped[int]
    request_id: Mapped[str] = mapped_column(String(64))


@dataclass
class AuditTrail:
    """What a request did, gathered while it runs and written when it ends."""

    actor_id: uuid.UUID | None = None
    actor_role: str | None = None
    organisation_id: uuid.UUID | None = None
    participant_ids: list[uuid.UUID] = field(default_factory=list)
    # A route that answers with a status other than its declared one says so here.
    status_code: int | None = None

    def identify(self, actor: Actor) -> None:
        self.actor_id = actor.actor_id
        self.actor_role = actor.role
        self.organisation_id = actor.organisation_id

    def touch(self, participant_id: uuid.UUID) -> None:
        if participant_id not in self.participant_ids:
            self.participant_ids.append(participant_id)

    def touch_many(self, participant_ids: list[uuid.UUID]) -> None:
        for participant_id in participant_ids:
            self.touch(participant_id)


def trail_of(request: Request) -> AuditTrail:
    trail = getattr(request.state, "audit_trail", None)
    if trail is None:
        trail = AuditTrail()
        request.state.audit_trail = trail
    return trail


def outcome_for(status_code: int) -> Outcome:
    if status_code < 400:
        return "success"
    if status_code in (401, 403, 404):
        return "denied"
    return "failed"


def _rows(request: Request, trail: AuditTrail, status_code: int) -> list[dict[str, Any]]:
    route = request.scope.get("route")
    action = getattr(route, "name", None) or "unknown"
    now = utcnow()
    base = {
        "occurred_at": now,
        "organisation_id": trail.organisation_id,
        "actor_id": trail.actor_id,
        "actor_role": trail.actor_role,
        "action": action[:100],
        "method": request.method,
        "resource": request.url.path[:300],
        "outcome": outcome_for(status_code),
        "status_code": status_code,
        "request_id": str(getattr(request.state, "request_id", "-"))[:64],
    }
    participants: list[uuid.UUID | None] = list(trail.participant_ids) or [None]
    return [{**base, "participant_id": participant_id} for participant_id in participants]


def record(session: Session, request: Request, trail: AuditTrail, status_code: int) -> None:
    """Write the request's events in ``session``: one multi-row INSERT however many
    participants the request touched."""
    session.execute(insert(AuditEvent).values(_rows(request, trail, status_code)))


def record_success(session: Session, request: Request, trail: AuditTrail) -> None:
    if trail.actor_id is None and not trail.participant_ids:
        return
    route = request.scope.get("route")
    status_code = trail.status_code or getattr(route, "status_code", None) or 200
    record(session, request, trail, status_code)


def record_apart(
    factory: sessionmaker[Session], request: Request, trail: AuditTrail, exc: BaseException
) -> None:
    """Record a refused or failed request in a transaction of its own, after its work was
    rolled back. Never masks ``exc``: that is the error the caller must see."""
    try:
        with factory() as session:
            record(session, request, trail, status_for(exc))
            session.commit()
    except Exception as audit_exc:
        logger.error("could not record audit event: %s", type(audit_exc).__name__)
