"""Alerts, and the one-time tickets that open an alert stream from a browser."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin, utcnow
from app.core.crypto import EncryptedText

SEVERITIES = ("high", "crisis")
SOURCES = ("crisis_event", "check_in", "assessment")
STATUSES = ("open", "acknowledged", "resolved")

RESOLUTION_NOTE_MAX = 2000


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Alert(IdMixin, TimestampMixin, Base):
    __tablename__ = "alerts"
    __table_args__ = (
        CheckConstraint(_one_of("severity", SEVERITIES), name="severity"),
        CheckConstraint(_one_of("source", SOURCES), name="source"),
        CheckConstraint(_one_of("status", STATUSES), name="status"),
        CheckConstraint("(status = 'resolved') = (resolved_at IS NOT NULL)", name="resolved"),
        # One alert per crisis event, check-in or assessment.
        UniqueConstraint("source", "source_id"),
        # A specialist's open alerts.
        Index(
            "ix_alerts_assignee_user_id_status_created_at",
            "assignee_user_id",
            "status",
            "created_at",
        ),
        # The escalation pass: open, not yet escalated, created before the cutoff.
        Index("ix_alerts_status_escalated_at_created_at", "status", "escalated_at", "created_at"),
        Index("ix_alerts_participant_id_created_at", "participant_id", "created_at"),
        # A supervisor's list: everything in the organisation, newest first.
        Index("ix_alerts_organisation_id_created_at", "organisation_id", "created_at"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT")
    )
    severity: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    # The crisis event, check-in or assessment that raised it (no foreign key: three tables).
    source_id: Mapped[uuid.UUID]
    status: Mapped[str] = mapped_column(String(20), default="open")
    # The actively matched specialist's account; NULL means the organisation's supervisors.
    assignee_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    escalated_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    resolved_at: Mapped[datetime | None]
    resolved_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    resolution_note: Mapped[str | None] = mapped_column(EncryptedText)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class AlertStreamTicket(IdMixin, Base):
    """A short-lived, single-use credential for ``GET /alerts/stream?ticket=``: browsers'
    EventSource cannot send an Authorization header. Only the digest is stored."""

    __tablename__ = "alert_stream_tickets"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
