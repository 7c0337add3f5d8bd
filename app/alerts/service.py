"""Raising alerts, routing them, and the acknowledge / resolve lifecycle.

Everything runs in the caller's transaction and only flushes. State changes are
conditional UPDATEs checked by row count (``... WHERE status = 'open'``), so two people
acting on one alert at the same moment cannot both succeed, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.alerts import publication
from app.alerts.access import readable_alerts
from app.alerts.models import Alert, AlertStreamTicket
from app.alerts.schemas import AlertRead, AlertSeverity, AlertSource, AlertStatus
from app.core.base import utcnow
from app.core.errors import Conflict
from app.core.pagination import paginate
from app.core.security import Principal, digest_token, new_opaque_token
from app.matching import service as matching
from app.participants.models import Participant
from app.specialists.models import Specialist
from app.users.models import User

STREAM_TICKET_LIFETIME = timedelta(seconds=60)


def assignee_for(*, db: Session, participant_id: uuid.UUID) -> uuid.UUID | None:
    """The account of the participant's actively matched specialist, if it can still sign
    in. None sends the alert to the organisation's supervisors."""
    active = matching.active_specialists(db=db, participant_ids=[participant_id])
    match = active.get(participant_id)
    if match is None:
        return None
    return db.scalar(
        select(User.id)
        .join(Specialist, Specialist.user_id == User.id)
        .where(Specialist.id == match.specialist_id, User.is_active.is_(True))
    )


def raise_alert(
    *,
    db: Session,
    participant: Participant,
    severity: AlertSeverity,
    source: AlertSource,
    source_id: uuid.UUID,
) -> Alert:
    """Raise an alert for ``participant``, routed to its active specialist or else to the
    supervisors, in the caller's transaction. Connected staff who may see it receive it
    once that transaction commits. Raising it again for the same source record returns
    the alert already raised."""
    existing = db.scalar(select(Alert).where(Alert.source == source, Alert.source_id == source_id))
    if existing is not None:
        return existing
    alert = Alert(
        organisation_id=participant.organisation_id,
        participant_id=participant.id,
        severity=severity,
        source=source,
        source_id=source_id,
        status="open",
        assignee_user_id=assignee_for(db=db, participant_id=participant.id),
    )
    db.add(alert)
    db.flush()
    publication.announce(db=db, alert_ids=[alert.id])
    return alert


@dataclass(frozen=True)
class AlertFilters:
    statuses: Sequence[AlertStatus] = ()
    participant_id: uuid.UUID | None = None
    severity: AlertSeverity | None = None
    source: AlertSource | None = None
    assignee_user_id: uuid.UUID | None = None


def list_page(
    *,
    db: Session,
    principal: Principal,
    filters: AlertFilters,
    limit: int,
    cursor: str | None,
) -> tuple[list[Alert], str | None]:
    """The alerts the principal may see, newest first."""
    stmt = readable_alerts(principal)
    if filters.statuses:
        stmt = stmt.where(Alert.status.in_(filters.statuses))
    if filters.participant_id is not None:
        stmt = stmt.where(Alert.participant_id == filters.participant_id)
    if filters.severity is not None:
        stmt = stmt.where(Alert.severity == filters.severity)
    if filters.source is not None:
        stmt = stmt.where(Alert.source == filters.source)
    if filters.assignee_user_id is not None:
        stmt = stmt.where(Alert.assignee_user_id == filters.assignee_user_id)
    return paginate(
        db,
        stmt,
        keys=[(Alert.created_at, True), (Alert.id, True)],
        limit=limit,
        cursor=cursor,
    )


def read_models(*, db: Session, alerts: Sequence[Alert]) -> list[AlertRead]:
    """The alerts as clients read them (lists, single reads and the stream alike)."""
    if not alerts:
        return []
    names = dict(
        db.execute(
            select(Participant.id, Participant.preferred_name).where(
                Participant.id.in_({alert.participant_id for alert in alerts})
            )
        ).all()
    )
    assignees = dict(
        db.execute(
            select(User.id, User.display_name).where(
                User.id.in_({a.assignee_user_id for a in alerts if a.assignee_user_id})
            )
        ).all()
    )
    derived = ("participant_preferred_name", "assignee_name")
    return [
        AlertRead.model_validate(
            {
                **{
                    name: getattr(alert, name)
                    for name in AlertRead.model_fields
                    if name not in derived
                },
                "participant_preferred_name": names.get(alert.participant_id, ""),
                "assignee_name": (
                    assignees.get(alert.assignee_user_id) if alert.assignee_user_id else None
                ),
            }
        )
        for alert in alerts
    ]


def _rowcount(result: object) -> int:
    return int(result.rowcount)  # type: ignore[attr-defined]


def acknowledge(*, db: Session, principal: Principal, alert: Alert) -> Alert:
    """Take an open alert on (its assignee or a supervisor; the loader checked who)."""
    now = utcnow()
    result = db.execute(
        update(Alert)
        .where(Alert.id == alert.id, Alert.status == "open")
        .values(
            status="acknowledged",
            acknowledged_at=now,
            acknowledged_by_user_id=principal.user_id,
            updated_at=now,
            version=Alert.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    db.refresh(alert)
    if _rowcount(result) != 1:
        raise Conflict(f"The alert is already {alert.status}; only an open alert is acknowledged.")
    return alert


def resolve(*, db: Session, principal: Principal, alert: Alert, note: str) -> Alert:
    """Close an alert, open or acknowledged, saying what was done."""
    now = utcnow()
    result = db.execute(
        update(Alert)
        .where(Alert.id == alert.id, Alert.status != "resolved")
        .values(
            status="resolved",
            resolved_at=now,
            resolved_by_user_id=principal.user_id,
            resolution_note=note,
            updated_at=now,
            version=Alert.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    db.refresh(alert)
    if _rowcount(result) != 1:
        raise Conflict("The alert is already resolved.")
    return alert


def issue_stream_ticket(*, db: Session, principal: Principal) -> tuple[str, datetime]:
    """A one-time ticket for opening the alert stream; only its digest is stored."""
    now = utcnow()
    # The caller's spent and expired tickets are of no further use.
    db.execute(
        delete(AlertStreamTicket)
        .where(AlertStreamTicket.user_id == principal.user_id, AlertStreamTicket.expires_at <= now)
        .execution_options(synchronize_session=False)
    )
    ticket = new_opaque_token()
    stored = AlertStreamTicket(
        user_id=principal.user_id,
        token_digest=digest_token(ticket),
        issued_at=now,
        expires_at=now + STREAM_TICKET_LIFETIME,
    )
    db.add(stored)
    db.flush()
    return ticket, stored.expires_at


def redeem_stream_ticket(*, db: Session, ticket: str) -> uuid.UUID | None:
    """The account a valid, unused, unexpired ticket was issued to; the ticket is spent by
    the same conditional UPDATE, so it opens one stream however many try at once."""
    now = utcnow()
    return db.execute(
        update(AlertStreamTicket)
        .where(
            AlertStreamTicket.token_digest == digest_token(ticket),
            AlertStreamTicket.used_at.is_(None),
            AlertStreamTicket.expires_at > now,
        )
        .values(used_at=now)
        .returning(AlertStreamTicket.user_id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
