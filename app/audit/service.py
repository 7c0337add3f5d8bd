"""Reading the audit trail (it is written by ``app.core.audit``, never changed)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.schemas import AccessLogEntry
from app.core.audit import AuditEvent
from app.core.pagination import paginate
from app.integrators.models import IntegratorClient
from app.users.models import User

NEWEST_FIRST = [(AuditEvent.occurred_at, True), (AuditEvent.id, True)]


@dataclass(frozen=True)
class AuditFilters:
    participant_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = None
    outcome: str | None = None
    since: datetime | None = None


def list_page(
    *,
    db: Session,
    organisation_id: uuid.UUID,
    filters: AuditFilters,
    limit: int,
    cursor: str | None,
) -> tuple[list[AuditEvent], str | None]:
    stmt = select(AuditEvent).where(AuditEvent.organisation_id == organisation_id)
    if filters.participant_id:
        stmt = stmt.where(AuditEvent.participant_id == filters.participant_id)
    if filters.actor_id:
        stmt = stmt.where(AuditEvent.actor_id == filters.actor_id)
    if filters.outcome:
        stmt = stmt.where(AuditEvent.outcome == filters.outcome)
    if filters.since:
        stmt = stmt.where(AuditEvent.occurred_at >= filters.since)
    return paginate(db, stmt, keys=NEWEST_FIRST, limit=limit, cursor=cursor)


def access_log_page(
    *,
    db: Session,
    participant_id: uuid.UUID,
    own_user_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> tuple[list[AccessLogEntry], str | None]:
    """Who else opened the participant's record, newest first."""
    stmt = select(AuditEvent).where(
        AuditEvent.participant_id == participant_id,
        AuditEvent.actor_id.is_not(None),
        AuditEvent.actor_id != own_user_id,
    )
    events, next_cursor = paginate(db, stmt, keys=NEWEST_FIRST, limit=limit, cursor=cursor)
    actor_ids = {e.actor_id for e in events if e.actor_id is not None}
    names: dict[uuid.UUID, str] = {}
    if actor_ids:
        rows = db.execute(select(User.id, User.display_name).where(User.id.in_(actor_ids)))
        names = {row.id: row.display_name for row in rows}
    # An integrator the record went to (an outcome export) is named too.
    if unnamed := actor_ids - names.keys():
        clients = db.execute(
            select(IntegratorClient.id, IntegratorClient.name).where(
                IntegratorClient.id.in_(unnamed)
            )
        )
        names.update({row.id: row.name for row in clients})
    entries = [
        AccessLogEntry(
            occurred_at=e.occurred_at,
            actor_name=names.get(e.actor_id) if e.actor_id else None,
            actor_role=e.actor_role,
            action=e.action,
            outcome=e.outcome,
        )
        for e in events
    ]
    return entries, next_cursor
