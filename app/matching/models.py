"""Peer matches between a participant and a specialist, with their history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.base import Base, IdMixin, TimestampMixin, utcnow

OPEN_STATUSES = ("proposed", "active")


class PeerMatch(IdMixin, TimestampMixin, Base):
    __tablename__ = "peer_matches"
    __table_args__ = (
        CheckConstraint("status IN ('proposed', 'active', 'declined', 'ended')", name="status"),
        # At most one active match per participant, enforced by the database.
        Index(
            "uq_peer_matches_one_active_per_participant",
            "participant_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
        Index("ix_peer_matches_specialist_id_status", "specialist_id", "status"),
    )

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="RESTRICT"), index=True
    )
    specialist_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("specialists.id", ondelete="RESTRICT")
    )
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    proposed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    activated_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    ended_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    end_reason: Mapped[str | None] = mapped_column(Text)
    declined_at: Mapped[datetime | None]
    decline_reason: Mapped[str | None] = mapped_column(Text)
    # The score and its explanation when proposed, so the participant sees why.
    score: Mapped[int | None]
    explanation: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)


class MatchingPreferences(TimestampMixin, Base):
    """What the participant wants in a peer, and the experience it would like to share."""

    __tablename__ = "matching_preferences"
    __table_args__ = (
        CheckConstraint(
            "faith_preference IS NULL OR faith_preference IN ('faith_based', 'secular')",
            name="faith_preference",
        ),
    )

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    # Only specialists of this gender are suggested, when set.
    gender_preference: Mapped[str | None] = mapped_column(String(60))
    # Languages besides the participant's primary language.
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    faith_preference: Mapped[str | None] = mapped_column(String(20))
    veteran: Mapped[bool] = mapped_column(Boolean, default=False)
    justice_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    wants_lgbtq_affirming: Mapped[bool] = mapped_column(Boolean, default=False)
    region: Mapped[str | None] = mapped_column(String(100))
    # Criteria the participant says matter most; their weights are raised.
    priorities: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
